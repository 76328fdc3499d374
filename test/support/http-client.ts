import { HttpClient } from '../../src/datasources/adapter';
import { createHttpClient, HttpClientOptions } from '../../src/datasources/shared/http';

/**
 * THE production HttpClient (src/datasources/shared/http.ts: status contract, redirects, size cap) for
 * adapter tests against 127.0.0.1 servers, with a short timeout and one quick retry so a failing
 * upstream costs milliseconds. No URL policy: tests talk to loopback servers.
 */
export function testHttpClient(options: HttpClientOptions = {}): HttpClient {
  return createHttpClient({ timeoutMs: 5_000, retries: 1, retryBaseDelayMs: 5, retryMaxDelayMs: 50, ...options });
}
