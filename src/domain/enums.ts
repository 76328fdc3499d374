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
