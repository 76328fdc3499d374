import { FreshCounts } from '../../../src/features/registrations/fresh-counts';
import { RegistrationCountsMessage } from '../../../src/pubsub/topics';

/**
 * Messages about one event can arrive in another order than their commits (two replicas publishing);
 * what a replica delivers last must be the stored state. A store the test controls stands in for
 * the database row; reads are answered when the test says, so every interleaving is named.
 */
describe('FreshCounts: deliveries come from the stored counts, the last from a read after the last message', () => {
  function harness() {
    let stored = 0;
    const pendingReads: (() => void)[] = [];
    const delivered: number[] = [];
    const fresh = new FreshCounts(
      (eventId) => new Promise((resolve) => pendingReads.push(() => resolve({
        eventId, partnerId: 'p', capacity: 100, confirmed: stored, waitlisted: 0, held: 0, remaining: 100 - stored,
      }))),
      (message) => delivered.push(message.confirmed),
      (error) => { throw error; },
    );
    const message = (confirmed: number, at: number): RegistrationCountsMessage => ({
      eventId: 'e1', partnerId: 'p', capacity: 100, confirmed, waitlisted: 0, held: 0, remaining: 100 - confirmed, changedAt: new Date(at).toISOString(),
    });
    const answerRead = async () => {
      pendingReads.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { fresh, delivered, message, answerRead, pendingReads: () => pendingReads.length, store: (n: number) => { stored = n; } };
  }

  it('a stale message arriving last still ends on the stored counts', async () => {
    const h = harness();
    h.store(2);
    // Commit 2 was published first, commit 1's message arrives after it.
    h.fresh.push(h.message(2, 2));
    h.fresh.push(h.message(1, 1));
    expect(h.pendingReads()).toBe(1);
    await h.answerRead();
    // The second message arrived during the read: one more read, after it.
    expect(h.pendingReads()).toBe(1);
    await h.answerRead();
    expect(h.delivered).toEqual([2, 2]);
    expect(h.pendingReads()).toBe(0);
  });

  it('a burst during one read costs one more read, which sees the newest state', async () => {
    const h = harness();
    h.store(1);
    h.fresh.push(h.message(1, 1));
    for (let n = 2; n <= 20; n++) h.fresh.push(h.message(n, n));
    // The first read ran before the burst committed; the one read after it sees all of it.
    await h.answerRead();
    h.store(20);
    await h.answerRead();
    expect(h.delivered).toEqual([1, 20]);
    expect(h.pendingReads()).toBe(0);
  });
});
