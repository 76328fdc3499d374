import { loadTown } from '../../bench/town/load-town';
import { EventEntity } from '../../src/model/event.entity';
import { LocationEntity } from '../../src/model/location.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { RegistrationMode, RegistrationStatus } from '../../src/domain/enums';
import { createTestGraph, TestGraph } from '../support/graph';
import { describeEachBackend } from '../support/backends';

describeEachBackend('the benchmark town generator', (backend) => {
  let graph: TestGraph;
  beforeAll(async () => { graph = await createTestGraph(backend); });
  afterAll(async () => { await graph.close(); });

  it('fills every table in batches, with seat counts that match the registration rows', async () => {
    const now = new Date('2026-11-27T12:00:00.000Z');
    const report = await loadTown(graph.db, { partners: 3, events: 1_500, registeredEvents: 12 }, now);
    const registrations = await graph.db.getRepository(RegistrationEntity).find();
    expect(report.rows).toEqual({ partner: 3, location: 6, event: 1_500, registration: registrations.length });
    expect(await graph.db.getRepository(PartnerEntity).count()).toBe(3);
    expect(await graph.db.getRepository(LocationEntity).count()).toBe(6);

    const native = await graph.db.getRepository(EventEntity).findBy({ registrationMode: RegistrationMode.NATIVE });
    expect(native).toHaveLength(12);
    for (const event of native) {
      const mine = registrations.filter((r) => r.eventId === event.id);
      expect(mine.filter((r) => r.status === RegistrationStatus.CONFIRMED)).toHaveLength(event.confirmedCount);
      expect(mine.filter((r) => r.status === RegistrationStatus.WAITLISTED)).toHaveLength(event.waitlistedCount);
      expect(event.confirmedCount).toBeLessThanOrEqual(event.capacity!);
    }
    const first = await graph.db.getRepository(EventEntity).findOneByOrFail({ id: report.plan.eventId(0) });
    expect(first.startsAt).toEqual(report.plan.eventStart(0));
    expect(first.audiences).toEqual(report.plan.eventAudiences(0));
  });

  it('serves a full first page of upcoming events through the real schema', async () => {
    const result = await graph.execute('{ events(first: 50) { edges { node { title organizer { name } location { name } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.events.edges).toHaveLength(50);
  });
});
