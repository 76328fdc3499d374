import type { EventService } from '../events/event.service';
import { EventChangeFieldsResolver } from './event-change-fields.resolver';
import { EventRegistrationsResolver } from './event-registrations.resolver';
import { MyRegistrationFieldsResolver } from './my-registration-fields.resolver';
import { RegistrationCountsFieldsResolver } from './registration-counts-fields.resolver';
import { RegistrationFieldsResolver } from './registration-fields.resolver';
import { RegistrationResolver } from './registration.resolver';
import type { RegistrationService } from './registration.service';
import { SubscriptionResolver } from './subscription.resolver';
import { ProgramOverviewFieldsResolver, RegistrationOverviewResolver } from './overview.resolver';
import type { PartnerService } from '../partners/partner.service';
import { PrivacyRequestResolver } from './privacy-request.resolver';
import type { PrivacyRequests } from './privacy-requests';
import type { AttendanceService } from './attendance.service';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceFiguresResolver } from './attendance-figures.resolver';
import { EventAttendanceFieldsResolver } from './event-attendance-fields.resolver';

/** The services the registrations and live counts resolvers are built with (src/compose-schema.ts passes its own). */
export interface RegistrationsResolverServices {
  registrations: RegistrationService;
  events: EventService;
  partners: PartnerService;
  privacyRequests: PrivacyRequests;
  attendance: AttendanceService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function registrationsResolvers(s: RegistrationsResolverServices): object[] {
  return [
    new RegistrationResolver(s.registrations),
    new RegistrationFieldsResolver(s.registrations, s.events),
    new MyRegistrationFieldsResolver(s.registrations, s.events),
    new EventRegistrationsResolver(s.registrations),
    new SubscriptionResolver(),
    new RegistrationCountsFieldsResolver(s.events),
    new EventChangeFieldsResolver(s.events),
    new RegistrationOverviewResolver(s.events),
    new ProgramOverviewFieldsResolver(s.partners),
    new PrivacyRequestResolver(s.privacyRequests),
    new AttendanceResolver(s.attendance),
    new EventAttendanceFieldsResolver(s.attendance),
    new AttendanceFiguresResolver(s.attendance),
  ];
}
