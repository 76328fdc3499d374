import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { runWriteTransaction } from '../../src/db/write-transaction';
import { newId } from '../../src/domain/ids';
import { EventEntity } from '../../src/model/event.entity';
import { registerProgram } from '../../src/features/registrations/registration-programs';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { createPartner, insertNativeEvent, storedCounts } from '../support/native-event';

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

  const register = (eventId: string, who: string) => runWriteTransaction(db, () => registerProgram({
    id: newId(), eventId, name: who, email: `${who}@example.org`, partySize: 1, cancelTokenHash: 'x'.repeat(64), idempotencyKeyHash: null, now: new Date(), staffOf: { everyPartner: false, partnerId: null },
  })).then((outcome) => (outcome.kind === 'registered' ? outcome.registration.status : outcome.kind === 'rejected' ? outcome.code : 'missing'));

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
});
