/**
 * A small seeded PRNG for the demo town: the same key always gives the same sequence, so every seed at
 * the same `now` writes the same rows (Math.random would make each demo, and each test, different).
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain) keyed by a 32-bit FNV-1a hash of the
 * key parts: plenty for invented head counts, and not for anything secret.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One item, chosen with the given weights (index i weighs weights[i]). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  pick<T>(items: readonly T[]): T;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function seededRandom(...key: string[]): SeededRandom {
  let state = fnv1a(key.join('\u001f'));
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(items, weights) {
      const total = weights.reduce((a, b) => a + b, 0);
      let roll = next() * total;
      for (let i = 0; i < items.length; i++) {
        roll -= weights[i] ?? 0;
        if (roll < 0) return items[i];
      }
      return items[items.length - 1];
    },
  };
}
