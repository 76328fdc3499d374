import fs from 'node:fs';
import path from 'node:path';
import { ArrivalLedger, mergeLedgerReports } from '../../bench/live/arrival-ledger';
import { Budget, evaluateBudget } from '../../bench/lib/budget';

describe('the live bench arrival ledger', () => {
  it('counts a coalesced frame as delivering every change it skipped, timed from the commit of the ones some frame carried', () => {
    const a = new ArrivalLedger();
    const b = new ArrivalLedger();
    // Warm-up: both sockets on count 1.
    a.record(0, 'e1', 1, 0, 5);
    b.record(1, 'e1', 1, 0, 5);
    a.reset();
    b.reset();
    // Changes 2, 3, 4 committed at 100, 120, 140. Socket 0 gets 2 then 4; socket 1 gets 3 then 4.
    a.record(0, 'e1', 2, 100, 110);
    a.record(0, 'e1', 4, 140, 250);
    b.record(1, 'e1', 3, 120, 130);
    b.record(1, 'e1', 4, 140, 300);
    const figures = mergeLedgerReports([a.report(1), b.report(1)], 2);
    expect(figures.frames).toBe(4);
    expect(figures.latencies).toEqual([10, 110, 10, 160]);
    // 2: last reached by socket 0 at 110 (socket 1 at 130) → 30; 3: socket 0 at 250 → 130; 4: socket 1 at 300 → 160.
    expect(figures.lastSubscriberMs.sort((x, y) => x - y)).toEqual([30, 130, 160]);
  });

  it('leaves out a change no frame carried (no commit time) and one some subscriber never reached', () => {
    const a = new ArrivalLedger();
    a.record(0, 'e1', 1, 0, 5);
    a.record(1, 'e1', 1, 0, 5);
    a.reset();
    a.record(0, 'e1', 3, 100, 120); // 2 was coalesced away everywhere
    const figures = mergeLedgerReports([a.report(2)], 2);
    expect(figures.lastSubscriberMs).toEqual([]); // socket 1 never reached 2 or 3
    a.record(1, 'e1', 3, 100, 150);
    expect(mergeLedgerReports([a.report(2)], 2).lastSubscriberMs).toEqual([50]);
  });

  it('calls a socket settled only when its latest frame per event carries the final count', () => {
    const ledger = new ArrivalLedger();
    ledger.record(0, 'e1', 5, 0, 1);
    ledger.record(0, 'e2', 2, 0, 1);
    ledger.record(1, 'e1', 5, 0, 1);
    ledger.record(1, 'e1', 4, 0, 2); // a stale frame after the final one: not settled
    ledger.record(1, 'e2', 2, 0, 1);
    ledger.record(2, 'e1', 5, 0, 1); // never got e2
    expect(ledger.settled([0, 1, 2], { e1: 5, e2: 2 })).toBe(1);
    expect(ledger.maxBehind([0, 1, 2], { e1: 5, e2: 2 })).toBe(2); // socket 2 has nothing for e2
    expect(ledger.maxBehind([0, 1], { e1: 5, e2: 2 })).toBe(1); // socket 1's stale 4
  });

  it('is what the live budget lines read: p99 at 10/s, RSS per replica and lost subscribers', () => {
    const budget = JSON.parse(fs.readFileSync(path.join(__dirname, '../../bench/budget.json'), 'utf8')) as Budget;
    const row = (rate: number, p99: number, lost: number) => ({
      measurement: 'live counts', variant: 'in-memory, 1 replica', backend: 'sqlite', 'rate/s': rate,
      'p50 ms': 40, 'p99 ms': 90, 'last-sub p50 ms': 50, 'last-sub p99 ms': p99, 'RSS MB/replica': 420, lost,
    });
    const results = evaluateBudget({ lines: budget.lines.filter((l) => l.id.startsWith('live-')) }, [{ name: 'live', rows: [row(10, 240, 0), row(200, 900, 1)] }]);
    expect(results.map((r) => [r.id, r.value, r.verdict])).toEqual([
      ['live-10k-p99-ms', 240, 'pass'],
      ['live-10k-rss-mb', 420, 'pass'],
      ['live-10k-rss-mb', 420, 'pass'],
      ['live-none-lost', 0, 'pass'],
      ['live-none-lost', 1, 'fail'],
    ]);
  });
});
