/**
 * The widget's GraphQL documents, named so the shipped persisted operation manifest
 * (persisted-operations.json) can list them: a public deployment in SAFELIST_FILE mode keeps serving
 * the widget. The bundle sends only each document's SHA-256 (automatic persisted queries), and the
 * full text once if the server does not know it yet.
 */

// Arguments spelled inline, so the form does not depend on the input type's name.
export const WIDGET_REGISTER = 'mutation WidgetRegister($eventId:ID!,$name:String!,$email:String!,$partySize:Int!){register(input:{eventId:$eventId,name:$name,email:$email,partySize:$partySize}){__typename ...on RegistrationTicket{registration{id status waitlistPosition} cancelToken} ...on RegistrationRejected{code message}}}';

// `[ID!]!` is accepted where the schema declares either `[ID!]` or `[ID!]!`.
export const WIDGET_COUNTS = 'subscription WidgetCounts($ids:[ID!]!){registrationCounts(eventIds:$ids){eventId capacity confirmed waitlisted remaining changedAt}}';
