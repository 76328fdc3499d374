/**
 * The door page's GraphQL documents. Both always carry the partner's key, and keyed callers are not
 * bound to the safelist, so neither is in the persisted operation manifest.
 */
const COUNTS = 'registration{confirmed waitlisted held attended}';

/** The event, its counts, and the parties that may come in or are waiting (not the cancelled ones). */
export const DOOR_EVENT = `query DoorEvent($id:ID!){event(id:$id){id title startsAt timezone ${COUNTS} `
  + 'registrations(status:[CONFIRMED,WAITLISTED]){id name status partySize attended invitedUntil waitlistPosition}}}';

/** One party in (or out again); the answer carries the event's new counts. */
export const DOOR_CHECK_IN = `mutation DoorCheckIn($id:ID!,$attended:Boolean!){checkIn(registrationId:$id,attended:$attended){id attended event{id ${COUNTS}}}}`;
