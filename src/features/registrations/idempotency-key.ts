import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '../../domain/errors';

/**
 * RegisterInput.idempotencyKey: a client's fresh random key per registration attempt, sent again
 * unchanged on retries, so a retried register (a timeout, a dropped connection) answers the
 * registration the first call made instead of making a second one (issue 17).
 *
 * A replay must hand back a cancel token that works, yet tokens are never stored (only their
 * SHA-256, src/features/registrations/cancel-token.ts). So when a key is given the token is derived
 * from it: base64url(SHA-256(label, event id, key)) cut to the 32 characters of a random token, which
 * cancelTokens.hasShape accepts and myRegistration / cancelRegistration look up by hash as before.
 * The first call and every replay compute the same token; the row stores only SHA-256 of the key
 * (and of the token, as for any registration).
 *
 * What this costs: the key is now as much a bearer secret as the token it yields, for whoever also
 * knows the party's name, email and size (a replay with other values is refused). Hence the shape
 * check: 32 to 128 characters of A-Z a-z 0-9 - _ (a UUID passes), so a counter or a timestamp is
 * refused. A shape cannot measure entropy: "aaaa…" passes, and a client that sends a guessable key
 * gives away its own registration's token. Clients must send a random value, as the field says.
 * The event id is in the derivation so the same key at two events yields two unrelated tokens.
 */
const KEY_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;
// Fixed for good: a different label would hand replays of earlier registrations a token that cancels nothing.
const TOKEN_LABEL = 'community-graph/cancel-token/v1';
const TOKEN_LENGTH = 32;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8');

export const idempotencyKeys = {
  /** The key, checked for shape; undefined/null/absent means "no key" (today's behaviour). */
  check(key: string | null | undefined): string | null {
    if (key == null) return null;
    if (!KEY_SHAPE.test(key)) {
      // The value is not echoed: it derives the registration's cancel token.
      throw new InvalidArgumentError('input.idempotencyKey', `${key.length} characters`,
        'a fresh random key per registration attempt, such as a UUID: 32 to 128 characters of A-Z, a-z, 0-9, - and _');
    }
    return key;
  },

  /** What the registration row stores, unique per event. */
  hash(key: string): string {
    return sha256(key).digest('hex');
  },

  /** The cancel token of the registration made with this key at this (local) event id. */
  cancelToken(eventId: string, key: string): string {
    return sha256(`${TOKEN_LABEL}\0${eventId}\0${key}`).digest('base64url').slice(0, TOKEN_LENGTH);
  },
};
