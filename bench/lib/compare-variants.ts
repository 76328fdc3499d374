import type { RoundResult } from './load-result';
import type { RunSettings } from './settings';
import { median } from './stats';

/** Something measurable in rounds: an HTTP target through the load worker, or an in-process loop. */
export interface Variant {
  name: string;
  round(settings: RunSettings['round']): Promise<RoundResult>;
}

export interface VariantSummary {
  name: string;
  rounds: RoundResult[];
  /** Medians over the measured rounds (warm-up excluded). */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  failures: number;
  requests: number;
}

/**
 * Warms every variant up, then runs `rounds` rounds of each, interleaved (A B C, A B C, ...), so a
 * burst of load from the machine's other tenants hits every variant alike rather than one of them.
 */
export async function compareVariants(variants: Variant[], settings: RunSettings): Promise<Map<string, VariantSummary>> {
  for (const variant of variants) await measuredRound(variant, settings.warmup);
  const rounds = new Map<string, RoundResult[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < settings.rounds; r++) {
    for (const variant of variants) rounds.get(variant.name)!.push(await measuredRound(variant, settings.round));
  }
  return new Map(variants.map((v) => {
    const results = rounds.get(v.name)!;
    return [v.name, {
      name: v.name,
      rounds: results,
      reqPerSec: median(results.map((x) => x.reqPerSec)),
      p50Ms: median(results.map((x) => x.p50Ms)),
      p99Ms: median(results.map((x) => x.p99Ms)),
      cpuMsPerRequest: median(results.map((x) => x.cpuMsPerRequest ?? Number.NaN)),
      failures: results.reduce((sum, x) => sum + x.failures, 0),
      requests: results.reduce((sum, x) => sum + x.requests, 0),
    }];
  }));
}

async function measuredRound(variant: Variant, settings: RunSettings['round']): Promise<RoundResult> {
  const before = process.cpuUsage();
  const result = await variant.round(settings);
  const used = process.cpuUsage(before);
  return { ...result, cpuMsPerRequest: result.requests > 0 ? (used.user + used.system) / 1000 / result.requests : Number.NaN };
}
