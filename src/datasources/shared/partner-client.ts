import { HttpClient } from '../adapter';
import { createHttpClient, HttpClientOptions } from './http';
import { UrlPolicy } from './url-policy';

/** What a caller may tune on a partner client; the policy hooks are not among them. */
export type PartnerClientOptions = Omit<HttpClientOptions, 'checkUrl' | 'lookup'>;

/**
 * Every client that fetches a partner's URL (sync pulls, live ILS availability, `sources check`) is
 * made here, so none can be built without the URL policy: `checkUrl` judges each request and redirect
 * hop, and `guardedLookup` judges the address each socket really connects to (DNS rebinding).
 */
export function createPartnerClient(policy: UrlPolicy, options: PartnerClientOptions = {}): HttpClient {
  return createHttpClient({
    ...options,
    checkUrl: async (url) => void (await policy.checkUrl(url.href)),
    lookup: policy.guardedLookup,
  });
}
