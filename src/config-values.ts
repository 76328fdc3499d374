/**
 * How one setting's text becomes a value, or a ConfigError naming the setting and what it expects
 * (start-up prints that one line, src/startup/startup-error.ts). src/config.ts says which settings
 * there are and how they combine.
 */

export class ConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`Invalid ${variable}=${JSON.stringify(value)}: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

export function parseRouterToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  // A shared secret: long enough that guessing it is hopeless (e.g. `openssl rand -hex 32`).
  if (raw.length < 32) throw new ConfigError('SUBGRAPH_ROUTER_TOKEN', '(hidden)', 'a secret of at least 32 characters (e.g. openssl rand -hex 32)');
  return raw;
}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', raw, 'an integer 0-65535');
  return port;
}

export function parseMillis(variable: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(variable, raw, `an integer 0-${max}`);
  return value;
}

export function parseSwitch(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, raw, 'on or off');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function parseLogLevel(raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (!LOG_LEVELS.includes(raw)) throw new ConfigError('LOG_LEVEL', raw, LOG_LEVELS.join(', '));
  return raw;
}

function urlOrNull(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function parsePublicUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const url = urlOrNull(raw);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL', raw, 'an absolute http(s) URL such as https://events.example.org');
  }
  return url.toString().replace(/\/$/, '');
}

export function parseInteger(variable: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(variable, raw, `an integer >= ${min}`);
  return value;
}

export const parseList = (raw: string | undefined, fallback: string[] = []): string[] =>
  raw === undefined ? fallback : raw.split(',').map((s) => s.trim()).filter(Boolean);

export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || ['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

export function parseMs(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1 || ms > 600_000) throw new ConfigError(variable, raw, 'milliseconds, an integer from 1 to 600000');
  return ms;
}

export function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError('REDIS_URL', raw, 'redis://host:6379 or rediss://host:6380');
  return raw;
}

/** An SMTP_URL with its password hidden, for the start-up error (the value itself may hold a secret). */
function withoutPassword(raw: string): string {
  return raw.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

export function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const url = urlOrNull(raw);
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError('SMTP_URL', withoutPassword(raw), 'smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  return raw;
}

export function parseMailFrom(raw: string | undefined, publicUrl: string | null): string {
  if (raw === undefined || raw === '') return `Community Graph <no-reply@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`;
  if (!/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/.test(raw.trim())) {
    throw new ConfigError('MAIL_FROM', raw, 'an address such as no-reply@library.example or "Library <no-reply@library.example>"');
  }
  return raw.trim();
}
