import { AdapterError, HttpClient, HttpRequestOptions, HttpResult } from '../adapter';
import { FetchError } from './http';

/**
 * The HttpClient fails on every status >= 400 it is not asked for (429 and 5xx after its retries);
 * a format rephrases that failure with what the status means for it (`explain`), so the Source's
 * error tells partner staff what to fix rather than a bare status.
 */
export async function fetchExplained(
  http: HttpClient, url: string, request: HttpRequestOptions, explain: (status: number) => AdapterError,
): Promise<HttpResult> {
  try {
    return await http.fetch(url, request);
  } catch (error) {
    if (error instanceof FetchError && error.status !== null) throw explain(error.status);
    throw error;
  }
}
