import type { Row } from '../../bench/lib/scenario';
import { inProcessRound } from '../../bench/lib/in-process-load';
import { LatencySamples, median, percentile } from '../../bench/lib/stats';
import { formatTable, markdownTable } from '../../bench/lib/table';
import { FULL_SCALE, parseTownOverrides, TownScaleError } from '../../bench/town/town-scale';
import { TownPlan } from '../../bench/town/town-plan';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(median(values)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('keeps at most its cap of latency samples, counting every one', () => {
    const samples = new LatencySamples(100);
    for (let i = 0; i < 10_000; i++) samples.add(1);
    expect(samples.count).toBe(10_000);
    expect(samples.percentile(99)).toBe(1);
  });
});

describe('the in-process load loop', () => {
  it('stops at its request cap even with time to spare', async () => {
    let calls = 0;
    const result = await inProcessRound(async () => { calls++; }, { connections: 3, durationMs: 60_000, maxRequests: 50 });
    expect(calls).toBe(50);
    expect(result.requests).toBe(50);
    expect(result.failures).toBe(0);
  });

  it('rethrows the error when every call fails, so a broken target never reports a throughput', async () => {
    await expect(inProcessRound(async () => { throw new Error('boom'); }, { connections: 2, durationMs: 1_000, maxRequests: 10 }))
      .rejects.toThrow('boom');
  });
});

describe('the generated town', () => {
  it('takes overrides from BENCH_TOWN and rejects unknown keys and bad numbers', () => {
    expect(parseTownOverrides('events=5000, partners=20', FULL_SCALE)).toEqual({ ...FULL_SCALE, events: 5000, partners: 20 });
    expect(() => parseTownOverrides('event=5', FULL_SCALE)).toThrow(new TownScaleError('BENCH_TOWN: unknown key "event" (known: partners, events, registeredEvents)'));
    expect(() => parseTownOverrides('events=-1', FULL_SCALE)).toThrow('BENCH_TOWN: events must be a non-negative integer, got "-1"');
    expect(() => parseTownOverrides('registeredEvents=30000', FULL_SCALE)).toThrow('registeredEvents cannot exceed events');
  });

  it('spreads exactly the requested number of registered events over the calendar', () => {
    const plan = new TownPlan(FULL_SCALE, new Date('2026-11-27T12:00:00Z'));
    const registered = Array.from({ length: FULL_SCALE.events }, (_, i) => i).filter((i) => plan.isRegistered(i));
    expect(registered).toEqual(plan.registeredEventIndexes());
    expect(registered).toHaveLength(500);
    expect(plan.eventStart(FULL_SCALE.events - 1).getTime()).toBeGreaterThan(Date.parse('2027-11-01T00:00:00Z'));
  });
});

describe('result tables', () => {
  const rows: Row[] = [{ backend: 'sqlite', 'req/s': 1200 }, { backend: 'postgres', 'req/s': 950, note: 'a|b' }];

  it('prints the union of columns with numbers right-aligned', () => {
    expect(formatTable(rows)).toBe([
      'backend   req/s  note',
      '--------  -----  ----',
      'sqlite     1200',
      'postgres    950  a|b',
    ].join('\n'));
  });

  it('writes Markdown with numeric columns right-aligned and pipes escaped', () => {
    expect(markdownTable(rows)).toBe([
      '| backend | req/s | note |',
      '| --- | ---: | --- |',
      '| sqlite | 1200 |  |',
      '| postgres | 950 | a\\|b |',
    ].join('\n'));
  });
});
