import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHttpClient, FetchError, parseRetryAfter } from '../../../src/datasources/shared/http';
import { createUrlPolicy, Lookup } from '../../../src/datasources/shared/url-policy';
import { FeedServer } from '../../support/feed-server';
import { LocalServer, startLocalServer } from '../../support/local-http';
import { until } from '../../support/until';

describe('the fetch policy (createHttpClient)', () => {
  let feeds: FeedServer;
  beforeAll(async () => {
    feeds = await new FeedServer().start();
  });
  afterAll(() => feeds.close());

  it('calls checkUrl before the request and before every redirect hop, and a refusal stops the fetch', async () => {
    feeds.set('/hop', { kind: 'redirect', location: '/final' }).set('/final', { kind: 'feed', body: 'ok' });
    const checked: string[] = [];
    const client = createHttpClient({ checkUrl: async (url) => void checked.push(url.pathname) });
    const result = await client.fetch(`${feeds.url}/hop`);
    expect([result.status, result.body.toString(), result.url]).toEqual([200, 'ok', `${feeds.url}/final`]);
    expect(checked).toEqual(['/hop', '/final']);

    const strict = createHttpClient({ checkUrl: async (url) => { if (url.pathname === '/final') throw new Error(`Refused ${url.href}`); } });
    await expect(strict.fetch(`${feeds.url}/hop`)).rejects.toThrow(`Refused ${feeds.url}/final`);
  });

  it('stops after maxRedirects', async () => {
    feeds.set('/loop', { kind: 'redirect', location: '/loop' });
    await expect(createHttpClient({ maxRedirects: 3 }).fetch(`${feeds.url}/loop`)).rejects.toThrow(`Too many redirects (more than 3) from ${feeds.url}/loop.`);
  });

  it('does not retry a 404, and names the status and URL', async () => {
    await expect(createHttpClient({ retryBaseDelayMs: 1 }).fetch(`${feeds.url}/missing`)).rejects.toThrow(`HTTP 404 Not Found from ${feeds.url}/missing.`);
    expect(feeds.count('/missing')).toBe(1);
  });

  it('reads file: URLs, with the modification time as a validator (unchanged file → notModified)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-http-'));
    const file = path.join(dir, 'feed.ics');
    fs.writeFileSync(file, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const client = createHttpClient();
    const first = await client.fetch(pathToFileURL(file).href);
    expect([first.notModified, first.body.toString().startsWith('BEGIN:VCALENDAR')]).toEqual([false, true]);
    const second = await client.fetch(pathToFileURL(file).href, { conditional: { etag: null, lastModified: first.lastModified } });
    expect(second.notModified).toBe(true);
    await expect(client.fetch(pathToFileURL(path.join(dir, 'nope.ics')).href)).rejects.toThrow(/Cannot read file:.*nope\.ics: ENOENT\./);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses other schemes and malformed URLs', async () => {
    await expect(createHttpClient().fetch('ftp://example.org/feed.ics')).rejects.toThrow('Unsupported URL scheme "ftp:" in ftp://example.org/feed.ics: expected http:, https: or file:.');
    await expect(createHttpClient().fetch('not a url')).rejects.toThrow('Not a valid URL: "not a url".');
  });

  it('retries a connection that breaks mid-body, then reports it', async () => {
    feeds.set('/reset', { kind: 'reset' });
    await expect(createHttpClient({ retries: 1, retryBaseDelayMs: 1 }).fetch(`${feeds.url}/reset`))
      .rejects.toThrow(new RegExp(`^Network error reading ${feeds.url}/reset: .+\\. \\(gave up after 2 attempts\\)$`));
    expect(feeds.count('/reset')).toBe(2);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jul 2026 00:00:30 GMT', Date.parse('Wed, 01 Jul 2026 00:00:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('waits as long as Retry-After asks (capped by retryMaxDelayMs)', async () => {
    feeds.set('/later', { kind: 'sequence', steps: [{ kind: 'status', status: 503, retryAfter: '7' }, { kind: 'feed', body: 'ok' }] });
    const waits: number[] = [];
    const client = createHttpClient({ retryBaseDelayMs: 1, retryMaxDelayMs: 60_000, sleep: async (ms) => void waits.push(ms) });
    expect((await client.fetch(`${feeds.url}/later`)).body.toString()).toBe('ok');
    expect(waits).toEqual([7_000]);
  });

  describe('status contract: what an adapter sees of a non-2xx answer', () => {
    it('fails with a FetchError carrying the status, after retrying 429/5xx', async () => {
      feeds.set('/forbidden', { kind: 'status', status: 403, body: 'no' }).set('/busy', { kind: 'status', status: 503 });
      const client = createHttpClient({ retries: 1, retryBaseDelayMs: 1 });
      const forbidden = await client.fetch(`${feeds.url}/forbidden`).catch((e: unknown) => e);
      expect(forbidden).toEqual(new FetchError(`HTTP 403 Forbidden from ${feeds.url}/forbidden.`, 403));
      expect((forbidden as FetchError).status).toBe(403);
      const busy = await client.fetch(`${feeds.url}/busy`).catch((e: unknown) => e) as FetchError;
      expect([busy.message, busy.status, feeds.count('/busy')]).toEqual([`HTTP 503 Service Unavailable from ${feeds.url}/busy. (gave up after 2 attempts)`, 503, 2]);
    });

    it('returns a status listed in acceptStatus with its body, at once and without retrying (even 429 or 5xx)', async () => {
      feeds.set('/token-expired', { kind: 'status', status: 401, body: '{"error":"invalid_token"}', contentType: 'application/json' })
        .set('/limited', { kind: 'status', status: 429, body: 'slow down', retryAfter: '60' });
      const client = createHttpClient({ retries: 2, retryBaseDelayMs: 1 });
      const expired = await client.fetch(`${feeds.url}/token-expired`, { acceptStatus: [401] });
      expect([expired.status, expired.body.toString(), expired.contentType]).toEqual([401, '{"error":"invalid_token"}', 'application/json']);
      const limited = await client.fetch(`${feeds.url}/limited`, { acceptStatus: [429] });
      expect([limited.status, limited.body.toString(), feeds.count('/limited')]).toEqual([429, 'slow down', 1]);
      await expect(client.fetch(`${feeds.url}/token-expired`, { acceptStatus: [403] })).rejects.toThrow(`HTTP 401 Unauthorized from ${feeds.url}/token-expired.`);
    });

    it('readErrorBody returns a 4xx with its body (GraphQL errors) but still retries and fails a 5xx', async () => {
      feeds.set('/graphql-400', { kind: 'status', status: 400, body: '{"errors":[{"message":"bad"}]}' }).set('/graphql-502', { kind: 'status', status: 502 });
      const client = createHttpClient({ retries: 1, retryBaseDelayMs: 1 });
      const bad = await client.fetch(`${feeds.url}/graphql-400`, { method: 'POST', body: '{}', readErrorBody: true });
      expect([bad.status, bad.body.toString()]).toEqual([400, '{"errors":[{"message":"bad"}]}']);
      await expect(client.fetch(`${feeds.url}/graphql-502`, { readErrorBody: true })).rejects.toThrow(`HTTP 502 Bad Gateway from ${feeds.url}/graphql-502. (gave up after 2 attempts)`);
      expect(feeds.count('/graphql-502')).toBe(2);
    });
  });

  it('stops a fetch in flight, and a backoff wait, as soon as the shutdown signal fires, without retrying', async () => {
    feeds.set('/stalled', { kind: 'slow', delayMs: 60_000 });
    const stopping = new AbortController();
    const client = createHttpClient({ signal: stopping.signal, retries: 5, timeoutMs: 60_000 });
    const pending = client.fetch(`${feeds.url}/stalled`);
    await until(() => feeds.count('/stalled') > 0, 'the feed server has the request for /stalled');
    stopping.abort();
    await expect(pending).rejects.toThrow(`Fetching ${feeds.url}/stalled was interrupted: the server is shutting down.`);
    expect(feeds.count('/stalled')).toBe(1);

    feeds.set('/busy-at-shutdown', { kind: 'status', status: 503, retryAfter: '3600' });
    const again = new AbortController();
    const waiting = createHttpClient({ signal: again.signal, retries: 5, retryMaxDelayMs: 3_600_000 }).fetch(`${feeds.url}/busy-at-shutdown`);
    await until(() => feeds.count('/busy-at-shutdown') > 0, 'the feed server has the request for /busy-at-shutdown');
    again.abort();
    await expect(waiting).rejects.toThrow(`Fetching ${feeds.url}/busy-at-shutdown was interrupted: the server is shutting down.`);
    expect(feeds.count('/busy-at-shutdown')).toBe(1);
  });

  describe('redirects carry no credentials and no body to another origin', () => {
    // Two real servers on 127.0.0.1: another port is another origin. `elsewhere` records what reached it.
    let partner: LocalServer;
    let elsewhere: LocalServer;
    beforeAll(async () => {
      elsewhere = await startLocalServer(() => ({ body: 'landed' }));
      partner = await startLocalServer((req) => {
        const away = /^\/away\/(\d{3})$/.exec(req.path);
        if (away) return { status: Number(away[1]), headers: { location: `${elsewhere.url}/landing` } };
        if (req.path === '/moved') return { status: 307, headers: { location: '/final' } };
        return { body: 'same origin' };
      });
    });
    afterAll(async () => {
      await partner.close();
      await elsewhere.close();
    });
    beforeEach(() => {
      partner.requests.length = 0;
      elsewhere.requests.length = 0;
    });
    const client = () => createHttpClient({ retries: 0 });
    const secrets = { authorization: 'Bearer partner-token', cookie: 'session=partner', 'proxy-authorization': 'Basic cHJveHk6cHc=' };

    it('drops Authorization, Cookie and Proxy-Authorization on a redirect to another port, and keeps other headers', async () => {
      const result = await client().fetch(`${partner.url}/away/302`, { headers: { ...secrets, accept: 'text/calendar' } });
      expect([result.status, result.body.toString(), result.url]).toEqual([200, 'landed', `${elsewhere.url}/landing`]);
      const [received] = elsewhere.requests;
      expect(received.headers).not.toHaveProperty('authorization');
      expect(received.headers).not.toHaveProperty('cookie');
      expect(received.headers).not.toHaveProperty('proxy-authorization');
      expect(received.headers.accept).toBe('text/calendar');
    });

    it.each([307, 308])('fails on a %i to another origin for a request with a body, and resends nothing there', async (status) => {
      const request = { method: 'POST' as const, headers: { ...secrets, 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=42&client_secret=s3cret' };
      await expect(client().fetch(`${partner.url}/away/${status}`, request)).rejects.toThrow(new FetchError(
        `Refusing to resend the request body of ${partner.url}/away/${status} to another origin after HTTP ${status} (rule: cross-origin-redirect).`));
      expect(elsewhere.requests).toHaveLength(0);
    });

    it.each([301, 302, 303])('goes on as a GET without body or credentials after a %i to another origin', async (status) => {
      const request = { method: 'POST' as const, headers: { ...secrets, 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_secret=s3cret' };
      expect((await client().fetch(`${partner.url}/away/${status}`, request)).body.toString()).toBe('landed');
      const [received] = elsewhere.requests;
      expect([received.method, received.body]).toEqual(['GET', '']);
      expect(received.headers).not.toHaveProperty('authorization');
      expect(received.headers).not.toHaveProperty('content-type');
    });

    it('keeps method, body and Authorization on a same-origin redirect, as before', async () => {
      await client().fetch(`${partner.url}/moved`, { method: 'POST', headers: { authorization: 'Bearer partner-token' }, body: 'q=1' });
      const final = partner.requests.find((r) => r.path === '/final')!;
      expect([final.method, final.body, final.headers.authorization]).toEqual(['POST', 'q=1', 'Bearer partner-token']);
    });

    it('followRedirects: false fails on any redirect, same origin or not, naming the rule and the URL only', async () => {
      const request = { method: 'POST' as const, headers: secrets, body: 'client_secret=s3cret', followRedirects: false };
      await expect(client().fetch(`${partner.url}/moved`, request)).rejects.toThrow(new FetchError(
        `Refusing to follow the HTTP 307 redirect from ${partner.url}/moved: a credential request follows no redirect (rule: credential-redirect).`));
      await expect(client().fetch(`${partner.url}/away/302`, request)).rejects.toThrow(/rule: credential-redirect/);
      expect(partner.requests.map((r) => r.path)).toEqual(['/moved', '/away/302']);
      expect(elsewhere.requests).toHaveLength(0);
    });
  });

  describe('connects only to addresses the URL policy allows (DNS rebinding)', () => {
    // Name resolution is injected: these names never reach a real resolver, and every connection the
    // client makes goes to the feed server on 127.0.0.1 (or is refused before connecting).
    const answers = (...sequence: string[][]): Lookup & { calls: number } => {
      const lookup = Object.assign(async () => {
        const addresses = sequence[Math.min(lookup.calls, sequence.length - 1)];
        lookup.calls++;
        return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      }, { calls: 0 });
      return lookup;
    };
    const clientFor = (allowHosts: string[], lookup: Lookup) => {
      const policy = createUrlPolicy({ allowHosts, fileRoots: [], maxRedirects: 5, lookup });
      return createHttpClient({ retries: 2, retryBaseDelayMs: 1, checkUrl: async (url) => void (await policy.checkUrl(url.href)), lookup: policy.guardedLookup });
    };
    const port = () => new URL(feeds.url).port;

    it('refuses a host whose name resolves to a public address when checked and to 127.0.0.1 when connecting, without retrying', async () => {
      feeds.set('/rebind.ics', { kind: 'feed', body: 'internal' });
      const lookup = answers(['93.184.216.34'], ['127.0.0.1']);
      await expect(clientFor([], lookup).fetch(`http://rebind.test:${port()}/rebind.ics`)).rejects.toThrow(
        `Refusing to fetch http://rebind.test:${port()}/rebind.ics: rebind.test resolved to 127.0.0.1 at connect time (rule: private-address)`);
      expect(lookup.calls).toBe(2);
      expect(feeds.count('/rebind.ics')).toBe(0);
    });

    it('refuses a host that resolves to 127.0.0.1 before connecting, and fetches it once SOURCE_ALLOW_HOSTS names it', async () => {
      feeds.set('/allowed.ics', { kind: 'feed', body: 'partner feed' });
      await expect(clientFor([], answers(['127.0.0.1'])).fetch(`http://partner.test:${port()}/allowed.ics`)).rejects.toThrow(
        `Refusing to fetch http://partner.test:${port()}/allowed.ics: partner.test resolves to 127.0.0.1 (loopback), which is not a public address; allow it with SOURCE_ALLOW_HOSTS (rule: private-address)`);
      expect(feeds.count('/allowed.ics')).toBe(0);

      const allowed = await clientFor(['partner.test'], answers(['127.0.0.1'])).fetch(`http://partner.test:${port()}/allowed.ics`);
      expect([allowed.status, allowed.body.toString()]).toEqual([200, 'partner feed']);
      expect(feeds.requests.find((r) => r.path === '/allowed.ics')!.headers.host).toBe(`partner.test:${port()}`);
    });
  });
});
