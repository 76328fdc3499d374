import { InvalidArgumentError } from '../../domain/errors';
import { ServiceCursor } from './service-filter';

const PREFIX = 'sv1';

/** Names may hold any character, so the position is JSON inside the base64url. */
export function encodeServiceCursor(position: ServiceCursor): string {
  return Buffer.from(`${PREFIX}${JSON.stringify([position.name, position.id])}`, 'utf8').toString('base64url');
}

export function decodeServiceCursor(cursor: string, argument = 'after'): ServiceCursor {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  let parsed: unknown = null;
  if (text.startsWith(PREFIX)) {
    try {
      parsed = JSON.parse(text.slice(PREFIX.length));
    } catch {
      parsed = null;
    }
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string' || !parsed[1]) {
    throw new InvalidArgumentError(argument, cursor, 'an endCursor or cursor returned by this connection');
  }
  return { name: parsed[0], id: parsed[1] };
}
