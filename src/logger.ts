import pino, { Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'community-graph' },
    redact: { paths: ['req.headers.authorization', '*.email', '*.cancelToken'], censor: '[redacted]' },
  });
}
