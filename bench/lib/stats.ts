/** Small, exact statistics over bounded sample arrays (no histogram rounding: sub-millisecond matters here). */

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Rounds for display and JSON: 3 significant digits below 100, integers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

/**
 * A latency sample buffer with a hard cap, so a very fast target cannot grow memory without bound.
 * Past the cap it keeps a uniform reservoir sample (Vitter's algorithm R), so percentiles stay unbiased.
 */
export class LatencySamples {
  private readonly values: number[] = [];
  private seen = 0;

  constructor(private readonly cap = 200_000) {}

  add(ms: number): void {
    this.seen++;
    if (this.values.length < this.cap) {
      this.values.push(ms);
      return;
    }
    const slot = Math.floor(Math.random() * this.seen);
    if (slot < this.cap) this.values[slot] = ms;
  }

  get count(): number {
    return this.seen;
  }

  percentile(p: number): number {
    return percentile(this.values, p);
  }
}
