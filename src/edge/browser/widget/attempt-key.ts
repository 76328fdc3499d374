/**
 * A fresh RegisterInput.idempotencyKey (`^[A-Za-z0-9_-]{32,128}$`, docs/registration.md): a retry that
 * sends it again gets the first call's registration back instead of a second one. The key also yields
 * the registration's cancel token, so it must be unguessable: Web Crypto only, never Math.random.
 * randomUUID exists only in secure contexts (a partner page on plain http has none), getRandomValues everywhere.
 */
export function attemptKey(cryptoApi: Crypto = crypto): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  // 24 random bytes are exactly 32 base64 characters, so there is no padding to strip.
  const bytes = cryptoApi.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
