import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The cancel token a RegistrationTicket hands out once: 24 random bytes as base64url (32 characters,
 * 192 bits), so it can be a bearer secret. Only its SHA-256 is stored. cancelRegistration presents it
 * with the registration's id, myRegistration alone; both go through here.
 */
const TOKEN_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const cancelTokens = {
  create(): string {
    return randomBytes(TOKEN_BYTES).toString('base64url');
  },

  /** What the registration row stores, and what a presented token is looked up by. */
  hash(token: string): string {
    return sha256(token);
  },

  /** Whether `token` could have been made by create() (a typo or a truncated paste could not). */
  hasShape(token: string): boolean {
    return TOKEN_SHAPE.test(token);
  },

  /** Compares stored hashes with the presented token's in constant time. */
  matcher(token: string): (hash: string) => boolean {
    const presented = Buffer.from(sha256(token), 'hex');
    return (hash) => {
      const stored = Buffer.from(hash, 'hex');
      return stored.length === presented.length && timingSafeEqual(stored, presented);
    };
  },
};
