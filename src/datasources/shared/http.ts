import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch } from 'undici';
import { SpanKind } from '@opentelemetry/api';
import { tracingEnabled, withSpan } from '../../observability/tracing';
import { HttpClient, HttpRequestOptions, HttpResult } from '../adapter';
import { GuardedLookup, UrlRefusedError } from './url-policy';

/**
 * THE fetch policy for every partner pull: http/https/file URLs, a per-attempt timeout, retries with
 * exponential backoff on network errors / 429 / 5xx (honouring Retry-After), a body-size cap enforced
 * while streaming (after gzip decoding, so a small gzip bomb cannot expand past it), conditional GET,
 * and a `checkUrl` hook called before every request and every redirect hop (the SSRF policy plugs in
 * there). Adapters never fetch by any other path.
 */
export interface HttpClientOptions {
  /** Per attempt, headers and body included. Default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff delay; doubles per retry, with up to 50 % jitter. Default 500. */
  retryBaseDelayMs?: number;
  /** Ceiling for any wait, including a server's Retry-After. Default 30 000. */
  retryMaxDelayMs?: number;
  /** Default 20 MB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Throw to refuse a URL (scheme, host, resolved address...). Called before every request and redirect. */
  checkUrl?: (url: URL) => Promise<void>;
  /** Injected for tests of the backoff itself; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Aborted when the process shuts down: fetches in flight (and backoff waits) stop at once with a
   * FetchError, so a sync still pulling gives up without writing and shutdown is not held hostage by a
   * slow partner server.
   */
  signal?: AbortSignal;
  /**
   * The DNS lookup sockets connect with (the URL policy's `guardedLookup`). `checkUrl` judges the
   * addresses a name has when it is checked; this judges the address the socket actually connects to,
   * so DNS rebinding (a public answer first, 127.0.0.1 a moment later) cannot slip through. Given, the
   * client fetches through its own undici Agent with `connect: { lookup }`.
   */
  lookup?: GuardedLookup;
}

/** A fetch that failed for good (after retries); the message names the URL and the reason. */
export class FetchError extends Error {
  constructor(message: string, readonly status: number | null = null) {
    super(message);
    this.name = 'FetchError';
  }
}

const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

class RetryableError extends FetchError {
  constructor(message: string, status: number | null, readonly retryAfterMs: number | null = null) {
    super(message, status);
  }
}

export const DEFAULT_HTTP_OPTIONS = {
  timeoutMs: 15_000, retries: 2, retryBaseDelayMs: 500, retryMaxDelayMs: 30_000,
  maxBodyBytes: 20 * 1024 * 1024, maxRedirects: 5, userAgent: 'CommunityGraph/0.1 (+sync)',
};

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const o = { ...DEFAULT_HTTP_OPTIONS, ...options };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const checkUrl = options.checkUrl ?? (async () => undefined);
  const stopping = options.signal;
  const dispatcher = options.lookup ? new Agent({ connect: { lookup: options.lookup as never } }) : null;
  // Shutdown also drops the Agent's pooled connections.
  if (dispatcher) stopping?.addEventListener('abort', () => void dispatcher.destroy().catch(() => undefined), { once: true });
  const send = (url: URL, init: RequestInit): Promise<Response> => (dispatcher
    ? undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>
    : fetch(url, init));
  const interrupted = (url: URL | string) => new FetchError(`Fetching ${typeof url === 'string' ? url : url.href} was interrupted: the server is shutting down.`);
  /** A backoff wait that ends early (and throws) when the process shuts down. */
  const wait = async (ms: number, url: URL): Promise<void> => {
    if (!stopping) return sleep(ms);
    if (stopping.aborted) throw interrupted(url);
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(interrupted(url));
      stopping.addEventListener('abort', onAbort, { once: true });
    });
    // Our own timer (unless a test injected `sleep`), so an interrupted wait leaves nothing pending.
    let timer: NodeJS.Timeout | undefined;
    const slept = options.sleep ? options.sleep(ms) : new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
    try {
      await Promise.race([slept, aborted]);
    } finally {
      clearTimeout(timer);
      stopping.removeEventListener('abort', onAbort);
    }
  };

  async function readCapped(body: ReadableStream<Uint8Array> | null, url: string): Promise<Buffer> {
    if (!body) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > o.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FetchError(`Response from ${url} exceeds the ${o.maxBodyBytes}-byte limit.`);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }

  async function fetchFile(url: URL, request: HttpRequestOptions): Promise<HttpResult> {
    const file = fileURLToPath(url);
    const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new FetchError(`Cannot read ${url.href}: ${error.code ?? error.message}.`);
    });
    if (stat.size > o.maxBodyBytes) throw new FetchError(`File ${url.href} exceeds the ${o.maxBodyBytes}-byte limit.`);
    // A file's "validator" is its modification time, so an untouched demo file costs no parse either.
    const lastModified = stat.mtime.toUTCString();
    const notModified = request.conditional?.lastModified === lastModified;
    const body = notModified ? Buffer.alloc(0) : await fs.readFile(file);
    return { url: url.href, status: notModified ? 304 : 200, notModified, body, contentType: null, etag: null, lastModified };
  }

  async function attempt(start: URL, firstRequest: HttpRequestOptions): Promise<HttpResult> {
    let url = start;
    // What is sent changes along the way: a redirect to another origin sheds credentials and body.
    let request = firstRequest;
    for (let hop = 0; hop <= o.maxRedirects; hop++) {
      if (stopping?.aborted) throw interrupted(url);
      await checkUrl(url);
      if (url.protocol === 'file:') return fetchFile(url, request);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchError(`Unsupported URL scheme "${url.protocol}" in ${url.href}: expected http:, https: or file:.`);
      }
      const headers: Record<string, string> = { 'user-agent': o.userAgent, 'accept-encoding': 'gzip, deflate', ...request.headers };
      if (request.conditional?.etag) headers['if-none-match'] = request.conditional.etag;
      if (request.conditional?.lastModified) headers['if-modified-since'] = request.conditional.lastModified;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), o.timeoutMs);
      const signal = stopping ? AbortSignal.any([controller.signal, stopping]) : controller.signal;
      try {
        let response: Response;
        try {
          response = await send(url, { method: request.method ?? 'GET', body: request.body, headers, redirect: 'manual', signal });
        } catch (error) {
          if (stopping?.aborted) throw interrupted(url);
          // The connect-time guard refused the address: a policy decision, never worth a retry.
          const refused = refusedCause(error);
          if (refused) throw new FetchError(refused.message.replace(`Refusing to fetch ${refused.url}`, `Refusing to fetch ${url.href}`));
          throw controller.signal.aborted
            ? new RetryableError(`Timed out after ${o.timeoutMs} ms fetching ${url.href}.`, null)
            : new RetryableError(`Network error fetching ${url.href}: ${causeOf(error)}.`, null);
        }
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
          await response.body?.cancel().catch(() => undefined);
          if (request.followRedirects === false) throw refusedCredentialRedirect(url, response.status);
          const target = new URL(location, url);
          // A feed may move to another host, never from the network onto the server's own disk
          // (whatever SOURCE_FILE_ROOTS allows for sources that name a file: URL themselves).
          if (target.protocol !== 'http:' && target.protocol !== 'https:') {
            throw new FetchError(`Refusing to fetch ${target.protocol} URL ${url.href} redirected to: only http: and https: redirects are followed (rule: scheme).`);
          }
          request = redirectedRequest(request, url, target, response.status);
          url = target;
          continue;
        }
        const accepted = response.status >= 400 && (request.acceptStatus?.includes(response.status)
          || (request.readErrorBody === true && response.status < 500 && !RETRYABLE_STATUS(response.status)));
        if (RETRYABLE_STATUS(response.status) && !accepted) {
          await response.body?.cancel().catch(() => undefined);
          throw new RetryableError(`HTTP ${response.status} ${response.statusText} from ${url.href}.`, response.status, parseRetryAfter(response.headers.get('retry-after')));
        }
        const result = {
          url: url.href, status: response.status, notModified: response.status === 304,
          contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
        };
        if (response.status === 304) {
          await response.body?.cancel().catch(() => undefined);
          return { ...result, body: Buffer.alloc(0), etag: result.etag ?? request.conditional?.etag ?? null, lastModified: result.lastModified ?? request.conditional?.lastModified ?? null };
        }
        if (response.status >= 400 && !accepted) {
          await response.body?.cancel().catch(() => undefined);
          throw new FetchError(`HTTP ${response.status} ${response.statusText} from ${url.href}.`, response.status);
        }
        const declared = Number(response.headers.get('content-length'));
        if (Number.isFinite(declared) && declared > o.maxBodyBytes && !response.headers.get('content-encoding')) {
          await response.body?.cancel().catch(() => undefined);
          throw new FetchError(`Response from ${url.href} exceeds the ${o.maxBodyBytes}-byte limit.`);
        }
        try {
          return { ...result, body: await readCapped(response.body, url.href) };
        } catch (error) {
          if (stopping?.aborted) throw interrupted(url);
          if (controller.signal.aborted) throw new RetryableError(`Timed out after ${o.timeoutMs} ms reading ${url.href}.`, null);
          if (error instanceof FetchError) throw error;
          // The connection broke mid-body (reset, truncated chunked encoding): worth another attempt.
          throw new RetryableError(`Network error reading ${url.href}: ${causeOf(error)}.`, null);
        }
      } finally {
        clearTimeout(timer);
      }
    }
    throw new FetchError(`Too many redirects (more than ${o.maxRedirects}) from ${start.href}.`);
  }

  return {
    fetch: (raw: string, request: HttpRequestOptions = {}): Promise<HttpResult> =>
      // One client span per partner call (retries inside it); the URL without its query (it may hold a key).
      tracingEnabled()
        ? withSpan('partner fetch', urlAttributes(raw), () => fetchWithRetries(raw, request), SpanKind.CLIENT)
        : fetchWithRetries(raw, request),
  };

  async function fetchWithRetries(raw: string, request: HttpRequestOptions): Promise<HttpResult> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError(`Not a valid URL: ${JSON.stringify(raw)}.`);
    }
    for (let n = 0; ; n++) {
      try {
        return await attempt(url, request);
      } catch (error) {
        if (!(error instanceof RetryableError) || n >= o.retries) {
          if (error instanceof RetryableError && n > 0) throw new FetchError(`${error.message} (gave up after ${n + 1} attempts)`, error.status);
          throw error;
        }
        const backoff = o.retryBaseDelayMs * 2 ** n * (1 + Math.random() * 0.5);
        await wait(Math.min(o.retryMaxDelayMs, Math.max(backoff, error.retryAfterMs ?? 0)), url);
      }
    }
  }
}

/** Headers that carry a credential: they never leave the origin the request was made for. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
/** Headers that describe a body: dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

function withoutHeaders(headers: Record<string, string> | undefined, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !names.includes(name.toLowerCase())));
}

/** A credential request (a token POST with a client secret) must reach the URL it was made for, or fail. */
function refusedCredentialRedirect(url: URL, status: number): FetchError {
  return new FetchError(`Refusing to follow the HTTP ${status} redirect from ${url.href}: a credential request follows no redirect (rule: credential-redirect).`);
}

/**
 * The request to send to a redirect's target. Same origin: unchanged. Another origin (scheme, host
 * or port): whoever answers there was not given our credentials, so the credential headers stay
 * behind, and a body (it may hold a secret) is never resent: 301/302/303 continue as a GET without
 * it, as browsers do; 307/308 promise the same method and body, so they fail instead.
 */
function redirectedRequest(request: HttpRequestOptions, from: URL, to: URL, status: number): HttpRequestOptions {
  if (from.origin === to.origin) return request;
  const withoutCredentials = { ...request, headers: withoutHeaders(request.headers, CREDENTIAL_HEADERS) };
  if (request.body === undefined) return withoutCredentials;
  if (status === 307 || status === 308) {
    throw new FetchError(`Refusing to resend the request body of ${from.href} to another origin after HTTP ${status} (rule: cross-origin-redirect).`);
  }
  return { ...withoutCredentials, method: 'GET', body: undefined, headers: withoutHeaders(withoutCredentials.headers, BODY_HEADERS) };
}

function urlAttributes(raw: string): Record<string, string> {
  try {
    const url = new URL(raw);
    return { 'url.scheme': url.protocol.replace(/:$/, ''), 'server.address': url.hostname, 'url.path': url.protocol === 'file:' ? '' : url.pathname };
  } catch {
    return {};
  }
}

function refusedCause(error: unknown): UrlRefusedError | null {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof UrlRefusedError) return cause;
  }
  return null;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
