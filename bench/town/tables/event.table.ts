import { EventEntity } from '../../../src/model/event.entity';
import { AttendanceMode, EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { TOWN_TIMEZONE, TownPlan } from '../town-plan';
import type { TownTable } from '../town-table';

const CATEGORIES = [['Storytime'], ['Maker', 'STEM'], ['Book Club'], ['Music'], ['Art', 'Workshop'], ['Health']];

export const eventTable: TownTable = {
  name: 'event',
  entity: EventEntity,
  *rows(plan: TownPlan) {
    for (let i = 0; i < plan.scale.events; i++) {
      const p = plan.eventPartner(i);
      const startsAt = plan.eventStart(i);
      const registered = plan.isRegistered(i);
      const seats = registered ? plan.seats(i) : null;
      const audiences = plan.eventAudiences(i);
      yield {
        id: plan.eventId(i), partnerId: plan.partnerId(p), seriesId: null,
        title: `Bench program ${i}`, description: `Generated occurrence ${i} for the benchmark town; about a paragraph of text, as partners write.`,
        startsAt, endsAt: new Date(startsAt.getTime() + 60 * 60_000), timezone: TOWN_TIMEZONE,
        allDay: false, startDate: null, endDate: null,
        status: i % 97 === 0 ? EventStatus.CANCELLED : EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
        audiences, rawAudiences: audiences.map((a) => a.toLowerCase()), categories: CATEGORIES[i % CATEGORIES.length],
        url: `https://partner-${p}.bench.example/events/${i}`, imageUrl: null,
        locationId: plan.locationId(p, plan.eventLocation(i)),
        registrationMode: registered ? RegistrationMode.NATIVE : RegistrationMode.NONE, registrationUrl: null,
        capacity: seats?.capacity ?? null, waitlistCapacity: seats?.waitlistCapacity ?? 0, maxPartySize: registered ? 4 : 1,
        confirmedCount: seats?.confirmed ?? 0, waitlistedCount: seats?.waitlisted ?? 0,
        registrationOpensAt: null, registrationClosesAt: registered ? startsAt : null,
        sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: 0,
        createdAt: plan.now, updatedAt: plan.now,
      };
    }
  },
};
