import { AnswerCache, canonicalJson } from '../../../src/edge/plugins/response-cache.plugin';

const config = { enabled: true, ttlMs: 600_000, maxBytes: 1024, maxEntries: 3 };

describe('response cache store', () => {
  it('does not keep an answer computed while a change committed (it may hold the old rows)', () => {
    const cache = new AnswerCache(config);
    const started = cache.generation;
    cache.invalidate(); // a write commits while the query runs
    cache.store('q', { seats: 3 }, started);
    expect(cache.get('q')).toBeUndefined();
    cache.store('q', { seats: 2 }, cache.generation);
    expect(cache.get('q')?.data).toEqual({ seats: 2 });
  });

  it('is bounded by entries and by bytes, dropping the least recently used first', () => {
    const cache = new AnswerCache(config);
    for (const key of ['a', 'b', 'c']) cache.store(key, { key }, cache.generation);
    cache.get('a');
    cache.store('d', { key: 'd' }, cache.generation);
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key) !== undefined)).toEqual([true, false, true, true]);
    cache.store('big', { text: 'x'.repeat(1010) }, cache.generation); // 1,021 JSON bytes of 1,024
    expect(['a', 'c', 'd', 'big'].map((key) => cache.get(key) !== undefined)).toEqual([false, false, false, true]);
  });
});

describe('canonical variables', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe(canonicalJson({ b: 'x' }));
  });
});
