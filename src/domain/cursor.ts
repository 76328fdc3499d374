import { InvalidArgumentError } from './errors';

/** Keyset position in a list ordered by (startsAt, id); opaque to clients. */
export interface EventCursor {
  startsAt: string;
  id: string;
}

const PREFIX = 'ev1';

export function encodeEventCursor(position: EventCursor): string {
  return Buffer.from(`${PREFIX}|${position.startsAt}|${position.id}`, 'utf8').toString('base64url');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeEventCursor(cursor: string, argument = 'after'): EventCursor {
  const parts = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  const [prefix, startsAt, id] = parts;
  if (parts.length !== 3 || prefix !== PREFIX || !ISO_INSTANT.test(startsAt) || !id) {
    throw new InvalidArgumentError(argument, cursor, 'an endCursor or cursor returned by this connection');
  }
  return { startsAt, id };
}

const RECORD_PREFIX = 'cr1';

/** Keyset position in the catalog listed by id (Query.catalogRecords). */
export function encodeRecordCursor(id: string): string {
  return Buffer.from(`${RECORD_PREFIX}|${id}`, 'utf8').toString('base64url');
}

export function decodeRecordCursor(cursor: string, argument = 'after'): string {
  const parts = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  const [prefix, id] = parts;
  if (parts.length !== 2 || prefix !== RECORD_PREFIX || !/^[0-9a-f]{1,64}$/.test(id)) {
    throw new InvalidArgumentError(argument, cursor, 'an endCursor or cursor returned by this connection');
  }
  return id;
}
