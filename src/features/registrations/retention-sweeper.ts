import { Logger } from '../../logger';
import { PeriodicLook } from './periodic-look';
import { RegistrantRetention } from './registrant-retention';

/** Hourly: data falls due a day at a time, so a look an hour keeps it at most an hour past its term. */
export const RETENTION_LOOK_MS = 3_600_000;

/**
 * The server's side of REGISTRANT_RETENTION_DAYS: every hour (the first a minute after start, see
 * src/app.ts, so a server restarted more often than hourly still purges) it erases what has fallen due. Cheap when nothing is due: one indexed
 * SELECT that finds nothing, and one UPDATE of old mail that changes nothing. Every replica runs it;
 * erasing is idempotent (`erasedAt IS NULL` in the UPDATE), so two replicas at once erase each row once.
 */
export function retentionSweeper(retention: RegistrantRetention, options: { logger?: Logger; intervalMs?: number } = {}): PeriodicLook {
  return new PeriodicLook(async () => {
    const erased = await retention.purge(new Date());
    if (erased) options.logger?.info({ erased, retentionDays: retention.retentionDays }, 'registrant data past its retention erased');
  }, options.intervalMs ?? RETENTION_LOOK_MS, { logger: options.logger, message: 'registrant retention purge failed; the next look tries again' });
}
