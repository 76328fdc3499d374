import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { exec, MAX_GROUP_COMMIT, runWriteTransaction, select } from '../../src/db/write-transaction';
import { newId } from '../../src/domain/ids';
import { registerProgram } from '../../src/features/registrations/registration-programs';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { createPartner, insertNativeEvent, storedCounts } from '../support/native-event';

/** SQLite writers that arrive together share one commit; each still stands or falls alone. */
describe('SQLite group commit', () => {
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
    id: newId(), eventId, name: who, email: `${who}@example.org`, partySize: 1, cancelTokenHash: 'x'.repeat(64), idempotencyKeyHash: null,
    now: new Date(), staffOf: { everyPartner: false, partnerId: null },
  })).then((outcome) => (outcome.kind === 'registered' ? outcome.registration.status : outcome.kind === 'rejected' ? outcome.code : 'missing'));

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
