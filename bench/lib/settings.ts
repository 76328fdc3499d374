import type { LoadSettings } from './load-result';

/** How long and how hard each measurement runs. Smoke only proves the harness works. */
export interface RunSettings {
  warmup: LoadSettings;
  round: LoadSettings;
  rounds: number;
}

export const FULL_SETTINGS: RunSettings = {
  warmup: { connections: 10, durationMs: 2_000, maxRequests: 100_000 },
  round: { connections: 10, durationMs: 2_000, maxRequests: 200_000 },
  // Many short interleaved rounds rather than a few long ones: each pair of rounds sees the same
  // machine load, and the median of paired ratios shrugs off the bursts of a shared 2-core box.
  rounds: 9,
};

export const SMOKE_SETTINGS: RunSettings = {
  warmup: { connections: 4, durationMs: 150, maxRequests: 2_000 },
  round: { connections: 4, durationMs: 300, maxRequests: 5_000 },
  rounds: 1,
};

export const runSettings = (smoke: boolean): RunSettings => (smoke ? SMOKE_SETTINGS : FULL_SETTINGS);
