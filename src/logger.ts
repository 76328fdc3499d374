import pino, { Logger } from 'pino';

export type { Logger };

/**
 * JSON lines to stdout (or `destination`, for tests). Secrets, tokens and emails are redacted, and so
 * are the bound parameters of a failed SQL statement (typeorm's QueryFailedError carries them, and
 * they hold what people typed: names, emails, ids).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'community-graph' },
    redact: {
      paths: ['req.headers.authorization', '*.authorization', '*.email', '*.cancelToken', '*.secret', '*.token', 'err.parameters', 'err.driverError.parameters'],
      censor: '[redacted]',
    },
  }, destination as pino.DestinationStream);
}
