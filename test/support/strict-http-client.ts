import { HttpClient, HttpRequestOptions, HttpResult } from '../../src/datasources/adapter';

/**
 * An HttpClient on Node's global fetch, for adapter tests against servers on 127.0.0.1 until the
 * sync engine's client (src/datasources/http.ts) is merged; the lead repoints this to it then. Its
 * failures read like that client's (FetchError messages). It honours `readErrorBody` (4xx bodies for
 * GraphQL errors), which that client must honour too when merged.
 */
export function strictTestHttpClient(options: { timeoutMs?: number } = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async fetch(url: string, request: HttpRequestOptions = {}): Promise<HttpResult> {
      const headers: Record<string, string> = { ...request.headers };
      if (request.conditional?.etag) headers['if-none-match'] = request.conditional.etag;
      if (request.conditional?.lastModified) headers['if-modified-since'] = request.conditional.lastModified;
      let response: Response;
      try {
        response = await fetch(url, {
          method: request.method ?? 'GET', headers, body: request.body, signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`Timed out after ${timeoutMs} ms fetching ${url}.`);
        throw error;
      }
      // The sync engine's client fails on any status >= 400 unless the adapter asks for 4xx bodies.
      if (response.status >= 400 && !(request.readErrorBody && response.status < 500)) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status} ${response.statusText} from ${url}.`);
      }
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
