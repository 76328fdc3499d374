import { Foundation1764230400000 } from './1764230400000-foundation';
import { Sources1764300000000 } from './1764300000000-sources';
import { Services1764400000000 } from './1764400000000-services';
import { Catalog1764500000000 } from './1764500000000-catalog';
import { Registrations1764600000000 } from './1764600000000-registrations';
import { PartnerAllowedOrigins1764700000000 } from './1764700000000-partner-allowed-origins';
import { EventPartnerDetails1764940000000 } from './1764940000000-event-partner-details';
import { HoldingRemoteNames1765000000000 } from './1765000000000-holding-remote-names';
import { EventExternalWaitlist1765100000000 } from './1765100000000-event-external-waitlist';
import { SourceSyncDetails1765200000000 } from './1765200000000-source-sync-details';
import { EventPageCovering1765400000000 } from './1765400000000-event-page-covering';
import { RegistrationCancelTokenIndex1765300000000 } from './1765300000000-registration-cancel-token-index';
import { RegisterPartyFunction1765500000000 } from './1765500000000-register-party-function';
import { RegistrationIdempotencyKey1765600000000 } from './1765600000000-registration-idempotency-key';
import { MailOutbox1765700000000 } from './1765700000000-mail-outbox';
import { MailOutboxGivesUp1765800000000 } from './1765800000000-mail-outbox-gives-up';
import { MailOutboxTemplates1765900000000 } from './1765900000000-mail-outbox-templates';
import { EventReminderHours1766000000000 } from './1766000000000-event-reminder-hours';
import { SeatHolds1766100000000 } from './1766100000000-seat-holds';
import { WaitlistInvitations1766200000000 } from './1766200000000-waitlist-invitations';
import { EventOverriddenFields1766300000000 } from './1766300000000-event-overridden-fields';
import { EventSurveyUrl1766400000000 } from './1766400000000-event-survey-url';
import { RegistrationErasedAt1766500000000 } from './1766500000000-registration-erased-at';
import { PartyMakeup1766600000000 } from './1766600000000-party-makeup';
import { DoorAttendance1766700000000 } from './1766700000000-door-attendance';
import { OutcomeSurveys1766800000000 } from './1766800000000-outcome-surveys';
import { SurveyLinks1766900000000 } from './1766900000000-survey-links';
import { WaitlistOutcomes1767000000000 } from './1767000000000-waitlist-outcomes';

/** Every migration, in timestamp order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [
  Foundation1764230400000,
  Sources1764300000000,
  Services1764400000000,
  Catalog1764500000000,
  Registrations1764600000000,
  PartnerAllowedOrigins1764700000000,
  EventPartnerDetails1764940000000,
  HoldingRemoteNames1765000000000,
  EventExternalWaitlist1765100000000,
  SourceSyncDetails1765200000000,
  RegistrationCancelTokenIndex1765300000000,
  EventPageCovering1765400000000,
  RegisterPartyFunction1765500000000,
  RegistrationIdempotencyKey1765600000000,
  MailOutbox1765700000000,
  MailOutboxGivesUp1765800000000,
  MailOutboxTemplates1765900000000,
  EventReminderHours1766000000000,
  SeatHolds1766100000000,
  WaitlistInvitations1766200000000,
  EventOverriddenFields1766300000000,
  EventSurveyUrl1766400000000,
  RegistrationErasedAt1766500000000,
  PartyMakeup1766600000000,
  DoorAttendance1766700000000,
  OutcomeSurveys1766800000000,
  SurveyLinks1766900000000,
  WaitlistOutcomes1767000000000,
];
