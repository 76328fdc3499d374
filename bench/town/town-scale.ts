/**
 * How big the generated town is. Each table's feature owns its key: issue 4 adds `services`
 * (2,000 at full scale), issue 5 `catalogRecords` (100,000). Override any key with
 * BENCH_TOWN="events=5000,partners=20".
 */
export interface TownScale {
  partners: number;
  /** Event occurrences (one row each). */
  events: number;
  /** Events that take native registrations, each filled to a deterministic level. */
  registeredEvents: number;
  [table: string]: number;
}

export const FULL_SCALE: TownScale = { partners: 50, events: 20_000, registeredEvents: 500 };

/** Small enough to build in well under a second on either backend. */
export const SMOKE_SCALE: TownScale = { partners: 5, events: 400, registeredEvents: 20 };

export class TownScaleError extends Error {}

export function parseTownOverrides(raw: string | undefined, base: TownScale): TownScale {
  const scale: TownScale = { ...base };
  if (!raw) return scale;
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((p) => p.trim());
    const n = Number(value);
    if (!(key in base)) throw new TownScaleError(`BENCH_TOWN: unknown key "${key}" (known: ${Object.keys(base).join(', ')})`);
    if (!Number.isInteger(n) || n < 0) throw new TownScaleError(`BENCH_TOWN: ${key} must be a non-negative integer, got "${value}"`);
    scale[key] = n;
  }
  if (scale.partners < 1) throw new TownScaleError('BENCH_TOWN: partners must be at least 1');
  if (scale.registeredEvents > scale.events) throw new TownScaleError('BENCH_TOWN: registeredEvents cannot exceed events');
  return scale;
}

/** The scale a scenario run uses: full or smoke defaults, with BENCH_TOWN overrides. */
export function townScaleFor(smoke: boolean, overrides: string | undefined): TownScale {
  return parseTownOverrides(overrides, smoke ? SMOKE_SCALE : FULL_SCALE);
}
