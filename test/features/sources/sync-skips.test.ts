import { STORED_SKIP_REASONS, summarizeSkips } from '../../../src/model/sync-skips';

describe('what the Source keeps of a sync\'s skips (lastSkips)', () => {
  it('is null when nothing was skipped; else the count and the first 20, each with where it was', () => {
    expect(summarizeSkips([])).toBeNull();
    const items = Array.from({ length: 23 }, (_, i) => ({ externalId: `id-${i}`, reason: `reason ${i}`, ...(i % 2 ? { line: i + 1 } : { offset: i * 100 }) }));
    const summary = summarizeSkips(items)!;
    expect(summary.count).toBe(23);
    expect(summary.reasons).toHaveLength(STORED_SKIP_REASONS);
    expect(summary.reasons.slice(0, 2)).toEqual([
      { reason: 'reason 0', line: null, offset: 0, ref: 'id-0' },
      { reason: 'reason 1', line: 2, offset: null, ref: 'id-1' },
    ]);
  });

  it('prefers an explicit ref to the id, and cuts long reasons and refs short instead of keeping partner text', () => {
    const [skip] = summarizeSkips([{ externalId: 'x'.repeat(500), reason: `bad value ${'y'.repeat(1000)}` }])!.reasons;
    expect([skip.reason.length, skip.reason.endsWith('…'), skip.ref!.length]).toEqual([300, true, 100]);
    expect(summarizeSkips([{ externalId: 'uid-1', ref: 'services.csv', reason: 'r' }])!.reasons[0].ref).toBe('services.csv');
    expect(summarizeSkips([{ reason: 'no id at all' }])!.reasons[0].ref).toBeNull();
  });
});
