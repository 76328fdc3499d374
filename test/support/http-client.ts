import { HttpClient, HttpRequestOptions, HttpResult } from '../../src/datasources/adapter';

/**
 * An HttpClient over Node's global fetch, for adapter tests against 127.0.0.1 servers.
 * (The production client with timeouts, size caps and SSRF rules lives in src/datasources/http.ts.)
 */
export function testHttpClient(): HttpClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async fetch(url: string, options: HttpRequestOptions = {}): Promise<HttpResult> {
      calls.push(url);
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
      if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
      const response = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body, signal: AbortSignal.timeout(10_000) });
      const body = Buffer.from(await response.arrayBuffer());
      return {
        url: response.url || url, status: response.status, notModified: response.status === 304, body,
        contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
      };
    },
  };
}
