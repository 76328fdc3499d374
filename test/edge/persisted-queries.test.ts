import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSafelist, PersistedQueryCache, sha256Hex } from '../../src/edge/persisted-queries';

const op = (body: string, name = 'Op') => ({ id: sha256Hex(body), name, type: 'query' as const, body });

describe('persisted queries', () => {
  it('answers safelisted operations by hash and never evicts them', async () => {
    const safe = op('{ partners { slug } }');
    const cache = new PersistedQueryCache(new Map([[safe.id, safe]]), true, 2, 100);
    for (let i = 0; i < 10; i++) await cache.set(`apq:h${i}`, `{ a${i} }`);
    expect(await cache.get(`apq:${safe.id}`)).toBe(safe.body);
    expect(cache.size.entries).toBe(2);
    expect(await cache.get('apq:h9')).toBe('{ a9 }');
    expect(await cache.get('apq:h0')).toBeUndefined();
  });

  it('bounds learned queries by total characters and learns nothing when APQ is off', async () => {
    const cache = new PersistedQueryCache(new Map(), true, 100, 50);
    await cache.set('apq:a', 'x'.repeat(30));
    await cache.set('apq:b', 'y'.repeat(30));
    expect(cache.size).toEqual({ entries: 1, chars: 30 });
    expect(await cache.get('apq:a')).toBeUndefined();
    await cache.set('apq:huge', 'z'.repeat(51));
    expect(await cache.get('apq:huge')).toBeUndefined();
    const off = new PersistedQueryCache(new Map(), false);
    await off.set('apq:a', '{ a }');
    expect(await off.get('apq:a')).toBeUndefined();
  });

  it('loads a manifest and refuses one whose ids are not the SHA-256 of the bodies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-pq-'));
    try {
      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [op('{ partners { slug } }', 'Partners')] }));
      expect([...loadSafelist(good).values()].map((o) => o.name)).toEqual(['Partners']);
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ ...op('{ a }', 'A'), body: '{ b }' }] }));
      expect(() => loadSafelist(bad)).toThrow(`Invalid SAFELIST_FILE="${bad}": expected operation "A" to have id = sha256 hex of its body`);
      expect(() => loadSafelist(path.join(dir, 'missing.json'))).toThrow(/^Invalid SAFELIST_FILE=".*missing\.json": expected a readable JSON persisted query manifest/);
      fs.writeFileSync(bad, JSON.stringify({ operations: [] }));
      expect(() => loadSafelist(bad)).toThrow('expected {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
