import pino, { Logger } from 'pino';

export type { Logger };

/** JSON lines to stdout (or `destination`, for tests). Secrets, tokens and emails are redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'community-graph' },
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.email', '*.cancelToken', '*.secret', '*.token'], censor: '[redacted]' },
  }, destination as pino.DestinationStream);
}
