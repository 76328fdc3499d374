import { LatestQueue } from '../../src/pubsub/latest-queue';

type Message = { eventId: string; n: number };

describe('LatestQueue: one subscriber\'s pending messages', () => {
  it('keeps the newest message per key, in the order of each key\'s latest change', async () => {
    const queue = new LatestQueue<Message>({ keyOf: (m) => m.eventId, capacity: 10 });
    for (const message of [{ eventId: 'a', n: 1 }, { eventId: 'b', n: 2 }, { eventId: 'a', n: 3 }]) queue.push(message);
    expect(queue.size()).toBe(2);
    expect((await queue.next()).value).toEqual({ eventId: 'b', n: 2 });
    expect((await queue.next()).value).toEqual({ eventId: 'a', n: 3 });
  });

  it('drops the oldest past its capacity, so a stalled consumer costs bounded memory', async () => {
    const queue = new LatestQueue<Message>({ keyOf: (m) => m.eventId, capacity: 2 });
    for (const eventId of ['a', 'b', 'c']) queue.push({ eventId, n: 0 });
    expect(queue.size()).toBe(2);
    expect((await queue.next()).value?.eventId).toBe('b');
  });

  it('starts at its first read (a queue nobody reads never listens) and stops once when closed', async () => {
    const calls: string[] = [];
    const queue = new LatestQueue<Message>({ capacity: 10, onStart: () => calls.push('start'), onClose: () => calls.push('close') });
    queue.push({ eventId: 'a', n: 1 });
    expect(calls).toEqual([]);
    expect((await queue.next()).value).toEqual({ eventId: 'a', n: 1 });
    const waiting = queue.next();
    await queue.return();
    await queue.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(calls).toEqual(['start', 'close']);
  });

  it('never starts once closed before any read', async () => {
    const calls: string[] = [];
    const queue = new LatestQueue<Message>({ capacity: 10, onStart: () => calls.push('start'), onClose: () => calls.push('close') });
    queue.close();
    expect(await queue.next()).toEqual({ done: true, value: undefined });
    expect(calls).toEqual(['close']);
  });
});
