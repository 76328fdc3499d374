/**
 * Domain vocabularies shared by entities, services and the GraphQL schema.
 * String enums: the stored value is the GraphQL value, so rows stay readable.
 */
export enum PartnerKind {
  LIBRARY = 'LIBRARY',
  SCHOOL = 'SCHOOL',
  MUSEUM = 'MUSEUM',
  NONPROFIT = 'NONPROFIT',
}

export enum EventStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
  POSTPONED = 'POSTPONED',
  RESCHEDULED = 'RESCHEDULED',
  MOVED_ONLINE = 'MOVED_ONLINE',
}

export enum AttendanceMode {
  OFFLINE = 'OFFLINE',
  ONLINE = 'ONLINE',
  MIXED = 'MIXED',
}

/** Normalized age bands; the source's own labels are kept beside them as rawAudiences. */
export enum Audience {
  BABIES = 'BABIES',
  TODDLERS = 'TODDLERS',
  PRESCHOOL = 'PRESCHOOL',
  KIDS = 'KIDS',
  TWEENS = 'TWEENS',
  TEENS = 'TEENS',
  ADULTS = 'ADULTS',
  SENIORS = 'SENIORS',
  FAMILIES = 'FAMILIES',
  ALL_AGES = 'ALL_AGES',
}

export enum RegistrationMode {
  NONE = 'NONE',
  NATIVE = 'NATIVE',
  EXTERNAL = 'EXTERNAL',
}

/** What a freed seat does for the waitlist of a NATIVE event. */
export enum WaitlistMode {
  /** Confirms the next parties in line at once. */
  AUTO_PROMOTE = 'AUTO_PROMOTE',
  /** Invites the next party in line, who has inviteHours to claim the seat before it passes on. */
  INVITE = 'INVITE',
}

/** Where an event's registration stands right now, as a front end shows it (RegistrationInfo.state). */
export enum RegistrationState {
  NOT_REQUIRED = 'NOT_REQUIRED',
  NOT_YET_OPEN = 'NOT_YET_OPEN',
  OPEN = 'OPEN',
  WAITLIST_OPEN = 'WAITLIST_OPEN',
  FULL = 'FULL',
  CLOSED = 'CLOSED',
}

/** Why the dashboard lists an event under "needs attention". */
export enum AttentionReason {
  FULL_NO_WAITLIST = 'FULL_NO_WAITLIST',
  UNDER_FILLED = 'UNDER_FILLED',
  NOT_YET_OPEN = 'NOT_YET_OPEN',
}

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

export enum ApiKeyRole {
  ADMIN = 'ADMIN',
  PARTNER = 'PARTNER',
}

/** A listing's lifecycle, as HSDS `service.status` defines it. */
export enum ServiceStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  DEFUNCT = 'DEFUNCT',
  TEMPORARILY_CLOSED = 'TEMPORARILY_CLOSED',
}

/*
 * The three vocabularies below are const objects, not TS enums: the sync engine, the pub/sub messages
 * and the CLI write and compare their values as string literals, which a TS enum type would refuse.
 * The GraphQL schema registers these same objects, so each vocabulary is defined once.
 */

/** A source's health, derived from its sync history (see sourceHealth in schedule-policy.ts). */
export const SourceStatus = { OK: 'OK', STALE: 'STALE', FAILING: 'FAILING' } as const;
export type SourceStatus = (typeof SourceStatus)[keyof typeof SourceStatus];

/** The outcome of one sync of a source. */
export const SyncStatus = { OK: 'OK', NOT_MODIFIED: 'NOT_MODIFIED', PARTIAL: 'PARTIAL', FAILED: 'FAILED' } as const;
export type SyncStatus = (typeof SyncStatus)[keyof typeof SyncStatus];

/** What happened to an event, as the eventChanges subscription reports it. */
export const EventChangeType = { CREATED: 'CREATED', UPDATED: 'UPDATED', CANCELLED: 'CANCELLED', REMOVED: 'REMOVED' } as const;
export type EventChangeType = (typeof EventChangeType)[keyof typeof EventChangeType];
