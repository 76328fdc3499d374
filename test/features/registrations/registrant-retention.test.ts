import { DataSource } from 'typeorm';
import { enqueue } from '../../../src/features/notifications/outbox';
import { RegistrantRetention } from '../../../src/features/registrations/registrant-retention';
import { retentionSweeper } from '../../../src/features/registrations/retention-sweeper';
import { EventEntity } from '../../../src/model/event.entity';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { DAY_MS as DAY, endedEventWith } from '../../support/ended-event';
import { createPartner, insertNativeEvent, registerThroughRunner, storedCounts } from '../../support/native-event';

const OVERVIEW = `query($filter: EventFilter) {
  registrationOverview(filter: $filter) {
    complete
    totals { events seats confirmed waitlisted attended fillRate }
    programs { key title occurrences { title } totals { events seats confirmed waitlisted attended fillRate } }
  }
}`;

const registrationsOf = (db: DataSource, eventId: string) =>
  db.getRepository(RegistrationEntity).find({ where: { eventId }, order: { name: 'ASC', createdAt: 'ASC' } });
const mailOf = (db: DataSource, registrationId: string) =>
  db.getRepository(MailOutboxEntity).findOneByOrFail({ idempotencyKey: `confirmation:${registrationId}` });

/**
 * REGISTRANT_RETENTION_DAYS (90 here): the purge erases the registrants of events that ended more than
 * 90 days before its `now`, and their mail, and nothing that is counted.
 */
describeEachBackend('registrant data that expires', (backend) => {
  let graph: TestGraph;
  let retention: RegistrantRetention;
  let old: { id: string }, recent: { id: string }, upcoming: { id: string };
  const now = new Date();

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    retention = new RegistrantRetention(graph.db, 90);
    const { partner } = await createPartner(graph.db, 'retention-fixture');
    const seedTalk = await endedEventWith(graph.db, partner.id, 'Seed Library Talk', 91, ['ada', 'bea', 'cy'], now, { capacity: 2, waitlistCapacity: 2 });
    expect(seedTalk.outcomes).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    old = seedTalk.event;
    recent = (await endedEventWith(graph.db, partner.id, 'Knitting Circle', 89, ['dan'], now)).event;
    upcoming = await insertNativeEvent(graph.db, partner.id, { title: 'Robot Club' });
    expect(await registerThroughRunner(graph.db, upcoming.id, 'eve')).toBe('CONFIRMED');
    // A check-in, so the report has attendance to keep.
    await graph.db.getRepository(RegistrationEntity).update({ eventId: old.id, name: 'ada' }, { attended: true });
    await graph.db.getRepository(EventEntity).update({ id: old.id }, { attendedCount: 1 });
  });
  afterAll(() => graph.close());

  it('lists what is due per event without changing anything, then erases names and emails but no count, and reports read the same', async () => {
    const filter = { from: new Date(now.getTime() - 200 * DAY).toISOString(), to: new Date(now.getTime() + 30 * DAY).toISOString() };
    const overviewBefore = await graph.execute(OVERVIEW, { filter });
    expect(overviewBefore.errors).toBeUndefined();
    // The erased event is in the report: 2 confirmed, 1 waiting, 1 checked in.
    expect(overviewBefore.data!.registrationOverview.programs).toContainEqual(expect.objectContaining({
      title: 'Seed Library Talk', totals: { events: 1, seats: 2, confirmed: 2, waitlisted: 1, attended: 1, fillRate: 1 },
    }));
    const countsBefore = await storedCounts(graph.db, old.id);
    const before = await registrationsOf(graph.db, old.id);

    expect(await retention.due(now)).toEqual([{ eventId: old.id, title: 'Seed Library Talk', endsAt: new Date(now.getTime() - 91 * DAY), registrations: 3 }]);
    expect((await registrationsOf(graph.db, old.id)).map((r) => r.email)).toEqual(['ada@example.org', 'bea@example.org', 'cy@example.org']);

    expect(await retention.purge(now)).toBe(3);
    const after = await graph.db.getRepository(RegistrationEntity).find({ where: { eventId: old.id }, order: { createdAt: 'ASC' } });
    expect(after.map((r) => [r.name, r.email, r.erasedAt?.toISOString()])).toEqual(Array(3).fill(['', '', now.toISOString()]));
    const kept = (rows: RegistrationEntity[]) => rows.map((r) => [r.id, r.status, r.partySize, r.attended, r.waitlistPosition]).sort();
    expect(kept(after)).toEqual(kept(before));
    expect(await storedCounts(graph.db, old.id)).toEqual(countsBefore);
    expect(await graph.execute(OVERVIEW, { filter })).toEqual(overviewBefore);

    // Events over for less than 90 days, and those still to come, keep their registrants.
    expect((await registrationsOf(graph.db, recent.id)).map((r) => [r.email, r.erasedAt])).toEqual([['dan@example.org', null]]);
    expect((await registrationsOf(graph.db, upcoming.id)).map((r) => [r.email, r.erasedAt])).toEqual([['eve@example.org', null]]);
    expect(await retention.due(now)).toEqual([]);
    expect(await retention.purge(now)).toBe(0);
  });

  it('erases the mail of an erased registration, sent or not, so an unsent one is never sent to nobody', async () => {
    const [erased] = await registrationsOf(graph.db, old.id);
    const mail = await mailOf(graph.db, erased.id);
    expect(mail).toMatchObject({ to: '', subject: null, text: null, html: null, context: null, sentAt: null, skippedAt: now });
    const [kept] = await registrationsOf(graph.db, recent.id);
    expect(await mailOf(graph.db, kept.id)).toMatchObject({ to: 'dan@example.org', skippedAt: null });
  });

  it('erases the address of any mail stored before the retention term, and leaves younger mail alone', async () => {
    const message = (key: string) => ({ idempotencyKey: key, to: 'someone@example.org', subject: 'Hello', text: 'Hello' });
    await enqueue(graph.db, message('notice:old'), new Date(now.getTime() - 91 * DAY));
    await enqueue(graph.db, message('notice:young'), new Date(now.getTime() - 89 * DAY));
    await graph.db.getRepository(MailOutboxEntity).update({ idempotencyKey: 'notice:old' }, { sentAt: new Date(now.getTime() - 91 * DAY) });
    expect(await retention.purge(now)).toBe(0);
    const rows = await graph.db.getRepository(MailOutboxEntity).find({ where: [{ idempotencyKey: 'notice:old' }, { idempotencyKey: 'notice:young' }], order: { idempotencyKey: 'ASC' } });
    expect(rows.map((r) => [r.idempotencyKey, r.to, r.text, r.skippedAt])).toEqual([
      ['notice:old', '', null, null],
      ['notice:young', 'someone@example.org', 'Hello', null],
    ]);
  });

  it('is run by the server\'s periodic look too, in batches, and leaves nothing due', async () => {
    const { partner } = await createPartner(graph.db, 'retention-look');
    const { event } = await endedEventWith(graph.db, partner.id, 'Garden Walk', 95, ['fay', 'gus', 'hal'], new Date());
    const look = retentionSweeper(new RegistrantRetention(graph.db, 90, 2), { intervalMs: 60_000 });
    look.start(0);
    try {
      for (let tries = 0; (await registrationsOf(graph.db, event.id)).some((r) => r.erasedAt === null); tries++) {
        expect(tries).toBeLessThan(200);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await look.stop();
    }
    expect((await registrationsOf(graph.db, event.id)).map((r) => [r.name, r.email, r.status])).toEqual(Array(3).fill(['', '', 'CONFIRMED']));
    expect(await retention.due(new Date())).toEqual([]);
  });
});
