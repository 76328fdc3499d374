/**
 * Bounds on client-sent lists. Each value may become a bound SQL parameter (SQLite allows ~32k per
 * statement, PostgreSQL 65,535) or a pub/sub filter entry, so every list argument of the schema is
 * bounded (src/schema/input-checks.ts applies these and prints them in the argument's description).
 */
export const MAX_LIST_VALUES = 50;
export const MAX_ALLOWED_ORIGINS = 20;
export const MAX_EVENT_CATEGORIES = 20;
/** A page of a few hundred events may watch its own seat counts in one subscription. */
export const MAX_SUBSCRIBED_EVENT_IDS = 200;
/** Longest reminder lead an event may set (CreateEventInput.reminderHours): two weeks. */
export const MAX_REMINDER_HOURS = 336;
/** An invitation to claim a freed seat lasts at most two weeks, like a reminder's lead. */
export const MAX_INVITE_HOURS = 336;
/** Party categories an event may define (adults, teens, …), and so entries a party makeup may name. */
export const MAX_PARTY_CATEGORIES = 20;

/** An impact report's breakdown names each of its seven dimensions once at most. */
export const MAX_IMPACT_DIMENSIONS = 7;
