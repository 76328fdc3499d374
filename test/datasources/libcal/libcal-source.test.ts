import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdapterError, NormalizedEvent, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { createLibCalSource } from '../../../src/datasources/libcal/libcal.source';
import { createUrlPolicy } from '../../../src/datasources/shared/url-policy';
import { FakeLibCal, startFakeLibCal } from '../../support/fake-libcal';
import { startLocalServer } from '../../support/local-http';
import { testHttpClient } from '../../support/http-client';

const http = testHttpClient();
const event = (n: number, extra: Record<string, unknown> = {}) => ({
  id: 1000 + n, title: `Storytime ${n}`, allday: false, start: '2026-12-02T10:00:00-06:00', end: '2026-12-02T10:45:00-06:00',
  url: { public: `https://library.example/event/${1000 + n}`, admin: `https://library.example/admin/event/${1000 + n}` },
  registration: true, seats: 20, seats_taken: n % 20, ...extra,
});
let catalog: Record<string, unknown>[] = [];

const spec = (url: string, over: Partial<SourceSpec['options']> = {}): SourceSpec => ({
  id: 'src-libcal', partnerId: 'p-lib', format: SourceFormat.LIBCAL, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-27T06:00:00Z'), to: new Date('2027-11-27T06:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null,
  options: { clientId: 'client-1', clientSecret: 's3cret', calendarId: 8123, pageSize: 10, ...over },
});

describe('LibCal source against a LibCal API on 127.0.0.1', () => {
  let libcal: FakeLibCal;
  beforeEach(async () => {
    catalog = Array.from({ length: 23 }, (_, i) => event(i + 1));
    libcal = await startFakeLibCal(() => catalog);
  });
  afterEach(() => libcal.close());

  it('gets a token, pages until a short page, and maps seats/seats_taken to EXTERNAL counts', async () => {
    const result = await createLibCalSource().pull(spec(libcal.url), http);
    const items = result.items as NormalizedEvent[];
    expect(items).toHaveLength(23);
    expect(result).toMatchObject({ kind: 'events', incremental: false, skipped: [] });
    const pages = libcal.requests.filter((r) => r.path === '/1.1/events').map((r) => Object.fromEntries(r.query));
    expect(pages.map((p) => p.page)).toEqual(['1', '2', '3']);
    expect(pages[0]).toEqual({ cal_id: '8123', date: '2026-11-27', days: '365', limit: '10', page: '1' });
    expect(items[4].registration).toEqual({ mode: 'EXTERNAL', url: 'https://library.example/event/1005', capacity: 20, confirmed: 5 });
    expect(libcal.tokensIssued()).toBe(1);
  });

  it('reuses the cached token on the next sync and sees changed seats_taken (counts are polled every sync)', async () => {
    const source = createLibCalSource();
    await source.pull(spec(libcal.url), http);
    catalog[0] = { ...catalog[0], seats_taken: 19 };
    const again = (await source.pull(spec(libcal.url), http)).items as NormalizedEvent[];
    expect(again[0].registration.confirmed).toBe(19);
    expect(libcal.tokensIssued()).toBe(1);
  });

  it('fetches a new token once when the API answers 401 for a cached one', async () => {
    const source = createLibCalSource();
    await source.pull(spec(libcal.url), http);
    libcal.revokeTokens();
    expect((await source.pull(spec(libcal.url), http)).items).toHaveLength(23);
    expect(libcal.tokensIssued()).toBe(2);
  });

  it('fails with a clear error when the client credentials are rejected', async () => {
    const pull = createLibCalSource().pull(spec(libcal.url, { clientSecret: 'wrong' }), http);
    await expect(pull).rejects.toThrow(new AdapterError(`LibCal token request: ${libcal.url}/1.1/oauth/token answered HTTP 401 (the client credentials or token were rejected).`));
  });

  describe('a token belongs to the source and secret that earned it', () => {
    const rejected = () => new AdapterError(`LibCal token request: ${libcal.url}/1.1/oauth/token answered HTTP 401 (the client credentials or token were rejected).`);
    const eventsRead = () => libcal.requests.filter((r) => r.path === '/1.1/events').length;

    it('another partner\'s source with the same base and client id but a wrong secret fails, and never reads with the first token', async () => {
      const source = createLibCalSource();
      await source.pull(spec(libcal.url), http);
      const readByLibrary = eventsRead();
      const museum: SourceSpec = { ...spec(libcal.url, { clientSecret: 'wrong', calendarId: 99 }), id: 'src-museum', partnerId: 'p-museum' };
      await expect(source.pull(museum, http)).rejects.toThrow(rejected());
      expect(eventsRead()).toBe(readByLibrary);
      expect(libcal.requests.some((r) => r.query.get('cal_id') === '99')).toBe(false);
    });

    it('the same source with its secret changed to a wrong one fails instead of reusing its cached token', async () => {
      const source = createLibCalSource();
      await source.pull(spec(libcal.url), http);
      await expect(source.pull(spec(libcal.url, { clientSecret: 'wrong' }), http)).rejects.toThrow(rejected());
      expect(libcal.tokensIssued()).toBe(1);
    });
  });

  it('sends the client secret to the token URL or nowhere: a redirected token request fails and the target receives nothing', async () => {
    const redirector = await startLocalServer((req) => ({ status: 307, headers: { location: `${libcal.url}${req.path}` } }));
    try {
      const failure = await createLibCalSource().pull(spec(redirector.url), http).catch((error: Error) => error);
      expect((failure as Error).message).toBe(
        `Refusing to follow the HTTP 307 redirect from ${redirector.url}/1.1/oauth/token: a credential request follows no redirect (rule: credential-redirect).`);
      expect(libcal.requests).toHaveLength(0);
    } finally {
      await redirector.close();
    }
  });

  it.each([
    [403, 'the API client may not read this calendar (check its scopes and calendar permissions)'],
    [429, 'LibCal rate limit reached; the next scheduled sync will try again'],
    [500, 'LibCal server error'],
  ])('fails the pull with a clear error on HTTP %i from /events', async (status, reason) => {
    libcal.failEventsWith(status);
    await expect(createLibCalSource().pull(spec(libcal.url), http)).rejects.toThrow(
      `LibCal events: ${libcal.url}/1.1/events?cal_id=8123&date=2026-11-27&days=365&limit=10&page=1 answered HTTP ${status} (${reason}).`);
  });

  it('fails when a 401 persists after a fresh token', async () => {
    libcal.failEventsWith(401);
    await expect(createLibCalSource().pull(spec(libcal.url), http)).rejects.toThrow(/answered HTTP 401 \(the client credentials or token were rejected\)\.$/);
    expect(libcal.tokensIssued()).toBe(2);
  });

  it('requires its options and names the missing one', async () => {
    await expect(createLibCalSource().pull(spec(libcal.url, { calendarId: undefined }), http)).rejects.toThrow('LibCal option "calendarId" is required.');
  });
});

describe('LibCal source reading a saved /1.1/events response from a file: URL', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-libcal-'));
    file = path.join(dir, 'events.json');
    fs.writeFileSync(file, JSON.stringify({ events: Array.from({ length: 23 }, (_, i) => event(i + 1, { wait_list: i % 2 })) }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const fileSpec = (url: string, validators: SourceSpec['validators'] = { etag: null, lastModified: null }): SourceSpec => ({
    ...spec(url), options: {}, validators,
  });

  it('maps every event of the file without credentials, calendarId or paging, with the same counts and wait list', async () => {
    const result = await createLibCalSource().pull(fileSpec(pathToFileURL(file).href), http);
    const items = result.items as NormalizedEvent[];
    expect(items).toHaveLength(23); // more than pageSize: a file is not paged
    expect(result).toMatchObject({ kind: 'events', notModified: false, skipped: [] });
    expect(result.validators.lastModified).toBe(fs.statSync(file).mtime.toUTCString());
    expect(items[4].registration).toEqual({ mode: 'EXTERNAL', url: 'https://library.example/event/1005', capacity: 20, confirmed: 5 });
    expect(items.slice(0, 3).map((e) => e.details?.waitlist)).toEqual([false, true, false]);
  });

  it('answers "not modified" for an untouched file, and reads it again once it changes', async () => {
    const source = createLibCalSource();
    const first = await source.pull(fileSpec(pathToFileURL(file).href), http);
    const again = await source.pull(fileSpec(pathToFileURL(file).href, first.validators), http);
    expect(again).toMatchObject({ notModified: true, items: [] });
    fs.writeFileSync(file, JSON.stringify({ events: [event(1, { seats_taken: 19 })] }));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a new mtime: not a 304
    const changed = await source.pull(fileSpec(pathToFileURL(file).href, first.validators), http);
    expect((changed.items as NormalizedEvent[]).map((e) => e.registration.confirmed)).toEqual([19]);
  });

  it('refuses a file outside SOURCE_FILE_ROOTS through the shared HttpClient policy', async () => {
    const policy = createUrlPolicy({ allowHosts: [], fileRoots: [path.join(dir, 'elsewhere')], maxRedirects: 5 });
    const guarded = testHttpClient({ checkUrl: async (url) => void (await policy.checkUrl(url.href)) });
    await expect(createLibCalSource().pull(fileSpec(pathToFileURL(file).href), guarded)).rejects.toThrow(/rule: file-outside-roots/);
  });

  it('says what is wrong with a file that is not a LibCal events response', async () => {
    fs.writeFileSync(file, '{"events": [');
    await expect(createLibCalSource().pull(fileSpec(pathToFileURL(file).href), http)).rejects.toThrow(/^LibCal events file \(file:.*events\.json\) is not valid JSON: /);
    fs.writeFileSync(file, '{"items": []}');
    await expect(createLibCalSource().pull(fileSpec(pathToFileURL(file).href), http)).rejects.toThrow(
      new AdapterError(`LibCal events file (${pathToFileURL(file).href}) has no "events" array.`));
  });

  it('still requires credentials for the LibCal API, and says a file needs none', async () => {
    await expect(createLibCalSource().pull({ ...spec('https://library.libcal.example'), options: { calendarId: 8123 } }, http)).rejects.toThrow(
      new AdapterError('LibCal option "clientId" is required for the LibCal API (https://library.libcal.example); only a file: URL of a saved /1.1/events response needs no credentials.'));
  });
});
