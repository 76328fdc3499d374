import { HttpClient, HttpRequestOptions, HttpResult } from '../../src/datasources/adapter';

/**
 * An HttpClient over Node's global fetch for adapter tests against local servers. Stand-in until
 * the shared client (src/datasources/http.ts) is merged; it keeps the same contract: any status
 * comes back as a result (304 as notModified), only network failures throw.
 */
export function testHttpClient(): HttpClient {
  return {
    async fetch(url: string, options: HttpRequestOptions = {}): Promise<HttpResult> {
      if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`testHttpClient only talks to 127.0.0.1, not ${url}`);
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
      if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
      const response = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body, redirect: 'follow' });
      const body = Buffer.from(await response.arrayBuffer());
      return {
        url: response.url || url,
        status: response.status,
        notModified: response.status === 304,
        body,
        contentType: response.headers.get('content-type'),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
    },
  };
}
