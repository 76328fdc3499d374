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

export function fromGlobalId(globalId: string, argument = 'id'): DecodedId {
  const decoded = BASE64URL.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const localId = decoded.slice(separator + 1);
  if (separator < 1 || !/^[A-Z][A-Za-z]+$/.test(type) || !localId || toGlobalId(type, localId) !== globalId) {
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
