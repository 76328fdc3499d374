import { InvalidArgumentError } from './errors';

/** Relay global ids: opaque base64url of "Type:localId", so clients never build ids themselves. */
export function toGlobalId(type: string, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: string;
  localId: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Longer than any id we issue (UUIDs, 32-hex stable ids, slugs), short enough to bound a lookup. */
const MAX_LOCAL_ID_LENGTH = 200;
/**
 * Controls (C0, DEL, C1) and U+FFFD (what undecodable bytes become) are in no id we issue. PostgreSQL
 * refuses U+0000 in text, so such an id must be refused here, where ids enter, not by the database.
 */
const UNISSUED_CHARACTER = /[\u0000-\u001f\u007f-\u009f\ufffd]/;

const issuable = (localId: string): boolean => localId.length > 0 && localId.length <= MAX_LOCAL_ID_LENGTH && !UNISSUED_CHARACTER.test(localId);

export function fromGlobalId(globalId: string, argument = 'id'): DecodedId {
  const decoded = BASE64URL.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const localId = decoded.slice(separator + 1);
  if (separator < 1 || !/^[A-Z][A-Za-z]+$/.test(type) || !issuable(localId) || toGlobalId(type, localId) !== globalId) {
    throw new InvalidArgumentError(argument, globalId, 'a global id returned by this API');
  }
  return { type, localId };
}

/** Decodes an id that must name one type (e.g. an Event id for `event(id:)`). */
export function localIdOf(type: string, globalId: string, argument = 'id'): string {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type) throw new InvalidArgumentError(argument, globalId, `a ${type} id`);
  return decoded.localId;
}
