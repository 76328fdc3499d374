/**
 * The widget's GraphQL documents, named so the shipped persisted operation manifest
 * (persisted-operations.json) can list them: a public deployment in SAFELIST_FILE mode keeps serving
 * the widget. The bundle sends only each document's SHA-256 (automatic persisted queries), and the
 * full text once if the server does not know it yet.
 */

// Arguments spelled inline, so the form does not depend on the input type's name.
export const WIDGET_REGISTER = 'mutation WidgetRegister($eventId:ID!,$name:String!,$email:String!,$partySize:Int!,$idempotencyKey:String!,$holdId:String){register(input:{eventId:$eventId,name:$name,email:$email,partySize:$partySize,idempotencyKey:$idempotencyKey,holdId:$holdId}){__typename ...on RegistrationTicket{registration{id status waitlistPosition} cancelToken} ...on RegistrationRejected{code message}}}';

// The same with the party counted by the event's categories (adults, children, …): the seats are their sum.
export const WIDGET_REGISTER_PARTY = 'mutation WidgetRegisterParty($eventId:ID!,$name:String!,$email:String!,$party:[PartyCountInput!]!,$idempotencyKey:String!,$holdId:String){register(input:{eventId:$eventId,name:$name,email:$email,party:$party,idempotencyKey:$idempotencyKey,holdId:$holdId}){__typename ...on RegistrationTicket{registration{id status waitlistPosition} cancelToken} ...on RegistrationRejected{code message}}}';

// Seats held while the form is open (docs/registration.md, "Seat holds").
export const WIDGET_HOLD = 'mutation WidgetHold($eventId:ID!,$partySize:Int!){holdSeats(input:{eventId:$eventId,partySize:$partySize}){__typename ...on SeatHold{holdId expiresAt} ...on RegistrationRejected{code message}}}';

export const WIDGET_RELEASE_HOLD = 'mutation WidgetReleaseHold($eventId:ID!,$holdId:String!){releaseSeatHold(input:{eventId:$eventId,holdId:$holdId})}';

// `[ID!]!` is accepted where the schema declares either `[ID!]` or `[ID!]!`.
export const WIDGET_COUNTS = 'subscription WidgetCounts($ids:[ID!]!){registrationCounts(eventIds:$ids){eventId capacity confirmed waitlisted remaining changedAt}}';

// The manage view: the registration a cancel code was handed out with (no personal fields exist on MyRegistration).
export const WIDGET_MY_REGISTRATION = 'query WidgetMyRegistration($code:String!){myRegistration(code:$code){id status waitlistPosition invitedUntil partySize canCancel event{id title startsAt endsAt timezone allDay startDate endDate}}}';

export const WIDGET_CANCEL = 'mutation WidgetCancel($id:ID!,$code:String!){cancelRegistration(input:{registrationId:$id,cancelToken:$code}){promoted registration{id status}}}';

// INVITE waitlists: the invited party takes its seat with the same code (docs/registration.md, "Invite-and-claim waitlists").
export const WIDGET_CLAIM = 'mutation WidgetClaim($id:ID!,$code:String!){claimInvitation(input:{registrationId:$id,cancelToken:$code}){id status waitlistPosition invitedUntil}}';

/** Every document the widget POSTs, by operation name: the bundle carries their hashes, the manifest their text. */
export const WIDGET_POSTED = {
  WidgetRegister: WIDGET_REGISTER, WidgetRegisterParty: WIDGET_REGISTER_PARTY, WidgetHold: WIDGET_HOLD, WidgetReleaseHold: WIDGET_RELEASE_HOLD,
  WidgetMyRegistration: WIDGET_MY_REGISTRATION, WidgetCancel: WIDGET_CANCEL, WidgetClaim: WIDGET_CLAIM,
};
export type PostedOperation = keyof typeof WIDGET_POSTED;
