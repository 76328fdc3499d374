/**
 * The door page's GraphQL documents. All of them always carry the partner's key, and keyed callers are
 * not bound to the safelist, so none is in the persisted operation manifest.
 */
const COUNTS = 'registration{confirmed waitlisted held attended}';
const COUNT = '{category count}';
/** Who came in all; every change answers it, so the page never shows a count from before the change. */
export const ATTENDANCE = `attendance{registered walkIns headCount total headCountByCategory${COUNT}}`;
const ATTENDANCE_FIELDS = ATTENDANCE.slice('attendance'.length);

/** The event, its counts, and the parties that may come in or are waiting (not the cancelled ones). */
export const DOOR_EVENT = `query DoorEvent($id:ID!){event(id:$id){id title startsAt timezone `
  + `registration{confirmed waitlisted held attended mode partyCategories{key label}} ${ATTENDANCE} `
  + `registrations(status:[CONFIRMED,WAITLISTED]){id name status partySize attended invitedUntil waitlistPosition party${COUNT} attendedParty${COUNT}}}}`;

/** One party in (or some of it, with $party), or out again; the answer carries the event's new counts (of the attendance, only what the page shows). */
export const DOOR_CHECK_IN = 'mutation DoorCheckIn($id:ID!,$attended:Boolean!,$party:[PartyCountInput!]){'
  + `checkIn(registrationId:$id,attended:$attended,party:$party){id attended partySize attendedParty${COUNT} event{id ${COUNTS} attendance{walkIns total}}}}`;

/** People who came without registering, by category. */
export const DOOR_WALK_INS = `mutation DoorWalkIns($id:ID!,$party:[PartyCountInput!]!){addWalkIns(eventId:$id,party:$party)${ATTENDANCE_FIELDS}}`;

/** A drop-in occurrence's head count, replacing the last one. */
export const DOOR_HEAD_COUNT = `mutation DoorHeadCount($id:ID!,$party:[PartyCountInput!]!){setHeadCount(eventId:$id,party:$party)${ATTENDANCE_FIELDS}}`;
