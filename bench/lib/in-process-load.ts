import { performance } from 'node:perf_hooks';
import type { LoadSettings, RoundResult } from './load-result';
import { LatencySamples } from './stats';

/**
 * The in-process counterpart of an HTTP round: `connections` concurrent callers run `operation`
 * back to back (a closed loop, like autocannon's keep-alive connections), bounded in time and count.
 */
export async function inProcessRound(operation: () => Promise<void>, settings: LoadSettings): Promise<RoundResult> {
  const samples = new LatencySamples();
  let started = 0;
  let ok = 0;
  let failures = 0;
  let firstError: unknown;
  const t0 = performance.now();
  const deadline = t0 + settings.durationMs;
  const caller = async () => {
    while (performance.now() < deadline && started < settings.maxRequests) {
      started++;
      const begin = performance.now();
      try {
        await operation();
        ok++;
        samples.add(performance.now() - begin);
      } catch (error) {
        failures++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, caller));
  const durationMs = performance.now() - t0;
  if (failures > 0 && ok === 0) throw firstError;
  return { requests: ok, failures, durationMs, reqPerSec: ok / (durationMs / 1000), p50Ms: samples.percentile(50), p99Ms: samples.percentile(99) };
}
