/** `scheme://user:password@host` → `scheme://host`, wherever a URL appears in a message. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;

/**
 * Messages about partner fetches end up in Source.lastError, logs and CLI output, which partners and
 * operators read; a URL's `user:password@` must never travel with them.
 */
export function redactCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1');
}
