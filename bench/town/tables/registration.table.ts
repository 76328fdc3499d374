import { RegistrationEntity } from '../../../src/model/registration.entity';
import { RegistrationStatus } from '../../../src/domain/enums';
import { stableId } from '../../../src/domain/ids';
import { TownPlan } from '../town-plan';
import type { TownTable } from '../town-table';

/** One row per seat taken, matching the counts event.table.ts wrote on each registered event. */
export const registrationTable: TownTable = {
  name: 'registration',
  entity: RegistrationEntity,
  *rows(plan: TownPlan) {
    for (const i of plan.registeredEventIndexes()) {
      const eventId = plan.eventId(i);
      const seats = plan.seats(i);
      const total = seats.confirmed + seats.waitlisted;
      for (let n = 0; n < total; n++) {
        const waitlisted = n >= seats.confirmed;
        yield {
          id: stableId('bench-registration', eventId, String(n)), eventId, name: `Bench Guest ${n}`,
          email: `guest${n}.${i}@bench.example`, partySize: 1,
          status: waitlisted ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED,
          waitlistPosition: waitlisted ? n - seats.confirmed + 1 : null,
          // Stands in for the SHA-256 of a cancel token nobody holds.
          cancelTokenHash: stableId('bench-cancel', eventId, String(n)).padEnd(64, '0'),
          attended: false, createdAt: plan.now, updatedAt: plan.now,
        };
      }
    }
  },
};
