import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { exec, MAX_GROUP_COMMIT, runWriteTransaction, select } from '../../src/db/write-transaction';
import { EventEntity } from '../../src/model/event.entity';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { createPartner, insertNativeEvent, registerThroughRunner, storedCounts } from '../support/native-event';

/** SQLite only: PostgreSQL writers wait on the event row's lock in the database instead. */
describe('SQLite writers while a TypeORM transaction holds the connection', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    db = await openDatabase(database.config);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const register = (eventId: string, who: string) => registerThroughRunner(db, eventId, who);

  it('waits for it, then serves the waiting registrations in arrival order, ahead of later ones', async () => {
    const { partner } = await createPartner(db);
    const event = await insertNativeEvent(db, partner.id, { capacity: 2, waitlistCapacity: 3, maxPartySize: 1 });
    let commit!: () => void;
    const held = new Promise<void>((resolve) => { commit = resolve; });
    let opened!: () => void;
    const open = new Promise<void>((resolve) => { opened = resolve; });
    // What happened, in order: the sync's commit and each registration settling.
    const log: string[] = [];
    // A feed sync's transaction: async, so other requests run while it is open on the shared connection.
    const sync = db.transaction(async (manager) => {
      await manager.update(EventEntity, { id: event.id }, { title: 'Robotics workshop (updated by the feed)' });
      opened();
      await held;
      log.push('sync commits');
    });
    await open;
    {
      const names = ['ada', 'grace', 'edsger', 'barbara', 'alan'];
      const waiting = names.map((who) => register(event.id, who).then((status) => { log.push(who); return status; }));
      // A registration arriving the moment the sync commits must queue behind those already waiting.
      const late = sync.then(() => register(event.id, 'late')).then((status) => { log.push('late'); return status; });
      // One turn of the event loop for the queue to act (a writer that did not wait would settle now);
      // the proof is the order in the log below, not a duration.
      await new Promise((resolve) => setImmediate(resolve));
      commit();

      expect(await Promise.all(waiting)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
      expect(await late).toBe('EVENT_FULL');
      // Nothing settled while the sync's transaction was open; then arrival order, the late one last.
      expect(log).toEqual(['sync commits', ...names, 'late']);
    }
    const stored = await db.getRepository(EventEntity).findOneByOrFail({ id: event.id });
    expect(stored.title).toBe('Robotics workshop (updated by the feed)');
    expect(await storedCounts(db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 3 });
  });

  // Group commit: writers that arrive together share one commit; each still stands or falls alone.
  it(`serves more writers than one group holds (${MAX_GROUP_COMMIT}) in arrival order, with exact counts`, async () => {
    const { partner } = await createPartner(db);
    const event = await insertNativeEvent(db, partner.id, { capacity: 150, waitlistCapacity: 50, maxPartySize: 1 });
    const total = MAX_GROUP_COMMIT * 2 + 30;
    const outcomes = await Promise.all(Array.from({ length: total }, (_, i) => register(event.id, `p${i}`)));
    expect(outcomes).toEqual([
      ...Array<string>(150).fill('CONFIRMED'), ...Array<string>(50).fill('WAITLISTED'), ...Array<string>(total - 200).fill('EVENT_FULL'),
    ]);
    expect(await storedCounts(db, event.id)).toEqual({
      confirmed: 150, waitlisted: 50, attended: 0,
      rows: { confirmed: 150, waitlisted: 50, attended: 0, waitlistPositions: Array.from({ length: 50 }, (_, i) => i + 1) },
    });
  });

  it('rolls back only the program that failed; the others in its group commit and their callers hear it', async () => {
    const { partner } = await createPartner(db);
    const event = await insertNativeEvent(db, partner.id, { capacity: 10, waitlistCapacity: 0, maxPartySize: 1 });
    const titleOf = async () => ((await db.query('SELECT "title" FROM "event" WHERE "id" = ?', [event.id])) as { title: string }[])[0].title;
    const before = await titleOf();
    const failing = runWriteTransaction(db, function* () {
      // Writes, then fails: its write must not survive, though its neighbours' do.
      yield* exec('UPDATE "event" SET "title" = ? WHERE "id" = ?', ['half-written', event.id]);
      const rows = yield* select('SELECT "title" FROM "event" WHERE "id" = ?', [event.id]);
      throw new Error(`gave up after writing ${String(rows[0].title)}`);
    });
    const [first, , last] = await Promise.allSettled([register(event.id, 'before'), failing, register(event.id, 'after')]);
    await expect(failing).rejects.toThrow('gave up after writing half-written');
    expect(first).toEqual({ status: 'fulfilled', value: 'CONFIRMED' });
    expect(last).toEqual({ status: 'fulfilled', value: 'CONFIRMED' });
    expect(await titleOf()).toBe(before);
    expect(await storedCounts(db, event.id)).toMatchObject({ confirmed: 2, rows: { confirmed: 2 } });
  });
});
