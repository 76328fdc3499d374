import { InvalidArgumentError } from '../../domain/errors';

/** Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the mail server's job. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An email as registrations store it (trimmed, lower-cased, so "same person" is one comparison), or
 * BAD_USER_INPUT naming `argument`: registering and privacy requests read an address the same way.
 */
export function registrantEmail(argument: string, raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email)) throw new InvalidArgumentError(argument, raw, 'an email address such as name@example.org');
  return email;
}
