import { WriteQueue } from '../../src/db/write-queue';

/** Settles after `turns` rounds of the event loop (jobs that wait on I/O of varying length). */
const turns = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : setImmediate(() => step(left - 1)));
  step(n);
});

describe('WriteQueue', () => {
  it('runs jobs one at a time in the order they were queued, whatever each one waits on', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    // Earlier jobs wait longer, so any overlap or reordering would show in the log.
    const waits = [5, 0, 3, 1, 4, 0, 2];
    const results = await Promise.all(waits.map((wait, i) => queue.run(async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      log.push(`start ${i}`);
      await turns(wait);
      log.push(`end ${i}`);
      running--;
      return i * 10;
    })));
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(log).toEqual(waits.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
    expect(mostAtOnce).toBe(1);
  });

  it('rejects only the failing job and runs the next one', async () => {
    const queue = new WriteQueue();
    const ran: string[] = [];
    const first = queue.run(() => {
      ran.push('first');
      throw new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed');
    });
    const second = queue.run(async () => {
      ran.push('second');
      await turns(1);
      throw new Error('second failed asynchronously');
    });
    const third = queue.run(() => {
      ran.push('third');
      return 'third done';
    });
    await expect(first).rejects.toThrow('SQLITE_CONSTRAINT: UNIQUE constraint failed');
    await expect(second).rejects.toThrow('second failed asynchronously');
    await expect(third).resolves.toBe('third done');
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('starts again after going idle, keeping order for jobs queued later', async () => {
    const queue = new WriteQueue();
    expect(await queue.run(() => 'a')).toBe('a');
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => queue.run(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
