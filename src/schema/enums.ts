import { registerEnumType } from 'type-graphql';
import { CatalogFormat, HoldingStatus } from '../datasources/shared/catalog-item';
import { AttentionReason, AttendanceMode, Audience, EventStatus, PartnerKind, RegistrationMode, RegistrationState, RegistrationStatus, ServiceStatus, WaitlistMode } from '../domain/enums';

registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'What kind of organization a partner is.',
  valuesConfig: {
    LIBRARY: { description: 'A public library: events, and a catalog with live availability.' },
    SCHOOL: { description: 'A school or school district: calendars of events.' },
    MUSEUM: { description: 'A museum, gallery or other cultural venue: exhibitions and programs.' },
    NONPROFIT: { description: 'A nonprofit: service listings (Open Referral HSDS) and events.' },
  },
});
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Whether an event takes place as planned (schema.org EventStatusType).',
  valuesConfig: {
    SCHEDULED: { description: 'Takes place as announced.' },
    CANCELLED: { description: 'Will not take place; also set when the event left its partner\'s feed.' },
    POSTPONED: { description: 'Put off without a new date yet; registration is closed.' },
    RESCHEDULED: { description: 'Moved to new times (startsAt); the earlier start is in previousStartsAt when known.' },
    MOVED_ONLINE: { description: 'Now held online instead of in person.' },
  },
});
registerEnumType(AttendanceMode, {
  name: 'AttendanceMode',
  description: 'In person, online, or both (schema.org EventAttendanceModeEnumeration).',
  valuesConfig: {
    OFFLINE: { description: 'In person, at the event\'s location.' },
    ONLINE: { description: 'Online only.' },
    MIXED: { description: 'In person and online.' },
  },
});
registerEnumType(Audience, {
  name: 'Audience',
  description: 'Normalized age bands (the source labels are in rawAudiences). Ages written in labels ("Ages 3-5", '
    + '"Grades K-5", "18+") map to every band they overlap; KIDS and TWEENS overlap on purpose.',
  valuesConfig: {
    BABIES: { description: 'Under 18 months.' },
    TODDLERS: { description: '18 months to 3 years.' },
    PRESCHOOL: { description: '3 to 5 years.' },
    KIDS: { description: '6 to 12 years.' },
    TWEENS: { description: '9 to 12 years.' },
    TEENS: { description: '13 to 17 years.' },
    ADULTS: { description: '18 to 64 years.' },
    SENIORS: { description: '65 years and over.' },
    FAMILIES: { description: 'Children with their grown-ups, together.' },
    ALL_AGES: { description: 'Anyone, from infancy up.' },
  },
});
registerEnumType(RegistrationMode, {
  name: 'RegistrationMode',
  description: 'NATIVE: register through this API. EXTERNAL: on the partner\'s own site. NONE: just come.',
  valuesConfig: {
    NONE: { description: 'No registration: just come.' },
    NATIVE: { description: 'Register through this API (Mutation.register); seats are counted here.' },
    EXTERNAL: { description: 'Register on the partner\'s own site (RegistrationInfo.url); counts are the partner\'s, where it publishes them.' },
  },
});
registerEnumType(WaitlistMode, {
  name: 'WaitlistMode',
  description: 'What a freed seat does for the waitlist of a NATIVE event.',
  valuesConfig: {
    AUTO_PROMOTE: { description: 'The next parties in line that fit are confirmed at once (and told by email).' },
    INVITE: { description: 'The next party in line that fits is invited by email and has inviteHours to claim the seat (claimInvitation); an unclaimed invitation lapses and passes to the next.' },
  },
});
registerEnumType(AttentionReason, {
  name: 'AttentionReason',
  description: 'Why a program manager should look at an event now.',
  valuesConfig: {
    FULL_NO_WAITLIST: { description: 'Every seat is taken and no waiting list takes names: people are being turned away.' },
    UNDER_FILLED: { description: 'It starts within 72 hours with under a quarter of its seats taken.' },
    NOT_YET_OPEN: { description: 'It starts within a week and its registration has not opened yet.' },
  },
});

registerEnumType(RegistrationState, {
  name: 'RegistrationState',
  description: 'Where an event\'s registration stands right now: the one field a front end needs to pick its button or label.',
  valuesConfig: {
    NOT_REQUIRED: { description: 'No registration: just come (mode NONE).' },
    NOT_YET_OPEN: { description: 'Registration opens later, at opensAt.' },
    OPEN: { description: 'Taking registrations, with seats left (or no limit).' },
    WAITLIST_OPEN: { description: 'No seats left, but the waiting list takes names.' },
    FULL: { description: 'No seats left and no waiting list to join.' },
    CLOSED: { description: 'No longer taking registrations: closesAt passed, the event ended, or it is cancelled or postponed.' },
  },
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration stands.',
  valuesConfig: {
    CONFIRMED: { description: 'Holds partySize seats.' },
    WAITLISTED: { description: 'Waiting for seats; confirmed in waitlist order as seats free up.' },
    CANCELLED: { description: 'Cancelled by its holder (with the cancel token); holds nothing.' },
  },
});
registerEnumType(ServiceStatus, {
  name: 'ServiceStatus',
  description: 'A listing\'s lifecycle (HSDS service.status).',
  valuesConfig: {
    ACTIVE: { description: 'Running; the only status for which isOpenAt can be true.' },
    INACTIVE: { description: 'Not running at the moment.' },
    DEFUNCT: { description: 'Ended for good; hidden from lists unless asked for by status.' },
    TEMPORARILY_CLOSED: { description: 'Closed for a while, expected to reopen.' },
  },
});

export { AttentionReason, AttendanceMode, Audience, EventStatus, PartnerKind, RegistrationMode, RegistrationState, RegistrationStatus, ServiceStatus, WaitlistMode };

registerEnumType(CatalogFormat, {
  name: 'CatalogFormat',
  description: 'What a catalog record is, from the MARC leader and carrier fields.',
  valuesConfig: {
    BOOK: { description: 'A printed book.' },
    EBOOK: { description: 'An electronic book.' },
    AUDIOBOOK: { description: 'A spoken-word recording (CD or download).' },
    DVD: { description: 'A video recording (DVD, Blu-ray).' },
    MUSIC: { description: 'Music: a recording or a score.' },
    MAGAZINE: { description: 'A serial: magazine, journal or newspaper.' },
    OTHER: { description: 'Anything else (maps, kits, games, objects).' },
  },
});
registerEnumType(HoldingStatus, {
  name: 'HoldingStatus',
  description: 'A copy\'s status, normalized across ILSs; the ILS\'s own wording is in rawStatus.',
  valuesConfig: {
    AVAILABLE: { description: 'On the shelf: can be borrowed today.' },
    CHECKED_OUT: { description: 'On loan (dueDate when the ILS gives it); can be put on hold.' },
    IN_TRANSIT: { description: 'Travelling between branches; can be requested.' },
    ON_HOLD: { description: 'Kept aside for someone who asked for it; can be requested after them.' },
    NOT_FOR_LOAN: { description: 'Reference only, or withdrawn: can be used in the library, not borrowed.' },
    LOST: { description: 'Reported lost.' },
    MISSING: { description: 'Not found on the shelf; being searched for.' },
    ON_ORDER: { description: 'Ordered, not yet received; can be requested.' },
    UNKNOWN: { description: 'The ILS gave a status that does not map to these (see rawStatus).' },
  },
});

export { CatalogFormat, HoldingStatus };
