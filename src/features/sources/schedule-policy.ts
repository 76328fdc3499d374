import { SourceStatus } from '../../domain/enums';

/**
 * When a source is next due. Jitter spreads sources that share an interval (and replicas that boot
 * together) so they do not all hit their partners in the same second. After failures the wait doubles
 * per consecutive failure (capped at 24 h), so a broken feed is not hammered but is retried.
 */
const MINUTE_MS = 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE_MS;

export function nextSyncAfterSuccess(refreshMinutes: number, now: Date, random = Math.random): Date {
  const interval = refreshMinutes * MINUTE_MS;
  return new Date(now.getTime() + interval + Math.floor(random() * interval * 0.1));
}

export function nextSyncAfterFailure(refreshMinutes: number, failures: number, now: Date, random = Math.random): Date {
  const base = Math.min(MAX_BACKOFF_MS, Math.min(refreshMinutes, 5) * MINUTE_MS * 2 ** Math.min(failures - 1, 20));
  return new Date(now.getTime() + base + Math.floor(random() * base * 0.1));
}

/** OK: synced within 2 intervals and the last attempt succeeded; FAILING: the last attempt failed; else STALE. */
export function sourceHealth(source: { lastSuccessAt: Date | null; consecutiveFailures: number; refreshMinutes: number }, now: Date): SourceStatus {
  if (source.consecutiveFailures > 0) return 'FAILING';
  if (!source.lastSuccessAt || now.getTime() - source.lastSuccessAt.getTime() > 2 * source.refreshMinutes * MINUTE_MS + MINUTE_MS) return 'STALE';
  return 'OK';
}
