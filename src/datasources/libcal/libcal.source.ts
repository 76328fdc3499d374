import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { AdapterError, EVENTS_KIND, HttpClient, HttpRequestOptions, HttpResult, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { NormalizedEvent } from '../adapter';
import { fetchExplained } from '../shared/fetch-failure';
import { integerOption, textOption } from '../shared/source-options';
import { parsePartnerJson } from '../shared/json-text';
import { mapLibCalEvents } from './libcal.map';
import { WebLinkCheck } from '../shared/web-links';

/**
 * Springshare LibCal API v1.1 events.
 * url: the LibCal site (https://yourlibrary.libcal.com). options: clientId, clientSecret (an API
 * client with events read scope), calendarId (cal_id: a number or "1,2"), pageSize (limit, ≤ 500),
 * maxPages (50). Tokens are OAuth2 client credentials (POST /1.1/oauth/token, never redirected), cached
 * per source and secret until shortly before expiry and fetched again once when the API answers 401.
 * Or url: a `file:` URL of a saved `/1.1/events` response (`{"events":[...]}`, as libraries export it
 * on a schedule): read through the same HttpClient (SOURCE_FILE_ROOTS, modification time as
 * validator), with no credentials, no calendarId and no paging.
 */
const MAX_DAYS = 365; // LibCal's ceiling for `days`
const EXPIRY_MARGIN_MS = 60_000;

interface Token {
  value: string;
  expiresAt: number;
}

const option = (source: SourceSpec, name: string) => textOption(source, 'LibCal', name);
const intOption = (source: SourceSpec, name: string, fallback: number, max: number) => integerOption(source, 'LibCal', name, fallback, max);

function failure(what: string, url: string, status: number): AdapterError {
  const hint: Record<number, string> = {
    401: 'the client credentials or token were rejected',
    403: 'the API client may not read this calendar (check its scopes and calendar permissions)',
    429: 'LibCal rate limit reached; the next scheduled sync will try again',
  };
  const reason = hint[status] ?? (status >= 500 ? 'LibCal server error' : 'unexpected response');
  return new AdapterError(`${what}: ${url} answered HTTP ${status} (${reason}).`);
}

/** A failure says what the status means for a LibCal source. Only 401 is read here (a new token). */
async function fetchOrExplain(http: HttpClient, what: string, url: string, request: HttpRequestOptions): Promise<HttpResult> {
  const response = await fetchExplained(http, url, request, (status) => failure(what, url, status));
  if (response.status !== 200 && response.status !== 401) throw failure(what, url, response.status);
  return response;
}

function parseJson(response: HttpResult, what: string): unknown {
  return parsePartnerJson(response.body.toString('utf8'), what);
}

/** The items of one `/1.1/events` answer: `{"events":[...]}` (or a bare array). */
function eventsOf(response: HttpResult, what: string): unknown[] {
  const body = parseJson(response, what);
  const events = Array.isArray(body) ? body : (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new AdapterError(`${what} has no "events" array.`);
  return events;
}

function isHttp(url: string): boolean {
  return /^https?:/i.test(url);
}

/** Credentials are only for the API: a saved export is read without them. */
function credential(source: SourceSpec, name: 'clientId' | 'clientSecret'): string {
  const value = source.options[name];
  if (typeof value === 'number') return String(value); // LibCal client ids are numeric
  if (typeof value !== 'string' || !value.trim()) {
    throw new AdapterError(`LibCal option "${name}" is required for the LibCal API (${source.url}); only a file: URL of a saved /1.1/events response needs no credentials.`);
  }
  return value.trim();
}

/**
 * Whose token this is: the source and the exact credentials that earned it. Keyed by site + client
 * alone, another partner's source naming the same client id (with any secret) would be handed a token
 * it never earned and read a calendar it may not see. The secret is kept only as its SHA-256.
 */
function tokenKey(source: SourceSpec, base: string, clientId: string, clientSecret: string): string {
  const secretHash = createHash('sha256').update(clientSecret).digest('hex');
  return [source.id, base, clientId, secretHash].join('\u0000');
}

export function createLibCalSource(clock: () => number = Date.now): SourceAdapter {
  /** Per adapter instance, keyed by source + site + client + secret hash (tokenKey). */
  const tokens = new Map<string, Token>();

  async function token(source: SourceSpec, http: HttpClient, base: string, fresh: boolean): Promise<string> {
    const clientId = credential(source, 'clientId');
    const clientSecret = credential(source, 'clientSecret');
    const key = tokenKey(source, base, clientId, clientSecret);
    const cached = tokens.get(key);
    if (!fresh && cached && cached.expiresAt - EXPIRY_MARGIN_MS > clock()) return cached.value;
    const url = `${base}/1.1/oauth/token`;
    const response = await fetchOrExplain(http, 'LibCal token request', url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' }).toString(),
      followRedirects: false, // the client secret goes to this URL or nowhere
    });
    if (response.status !== 200) throw failure('LibCal token request', url, response.status);
    const body = parseJson(response, 'LibCal token response') as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || !body.access_token) throw new AdapterError('LibCal token response has no access_token.');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
    tokens.set(key, { value: body.access_token, expiresAt: clock() + seconds * 1000 });
    return body.access_token;
  }

  async function getPage(source: SourceSpec, http: HttpClient, base: string, url: string): Promise<unknown[]> {
    let response: HttpResult | null = null;
    for (const fresh of [false, true]) {
      const bearer = await token(source, http, base, fresh);
      // 401 is asked for: an expired or revoked token is answered by fetching a new one.
      response = await fetchOrExplain(http, 'LibCal events', url, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' }, acceptStatus: [401] });
      if (response.status !== 401) break; // expired or revoked token: one fresh token, one retry
    }
    if (response!.status !== 200) throw failure('LibCal events', url, response!.status);
    return eventsOf(response!, `LibCal events page (${url})`);
  }

  async function pullApi(source: SourceSpec, http: HttpClient): Promise<unknown[]> {
    const base = source.url.replace(/\/+$/, '').replace(/\/1\.1$/, '');
    const calendarId = option(source, 'calendarId');
    const limit = intOption(source, 'pageSize', 500, 500);
    const maxPages = intOption(source, 'maxPages', 50, 1000);
    const from = DateTime.fromJSDate(source.window.from, { zone: source.partnerTimezone });
    const days = Math.max(1, Math.min(MAX_DAYS, Math.ceil((source.window.to.getTime() - source.window.from.getTime()) / 86_400_000)));
    const raw: unknown[] = [];
    for (let page = 1; ; page++) {
      if (page > maxPages) throw new AdapterError(`LibCal paging did not end within maxPages=${maxPages} pages; nothing was stored.`);
      const query = new URLSearchParams({ cal_id: calendarId, date: from.toISODate()!, days: String(days), limit: String(limit), page: String(page) });
      const events = await getPage(source, http, base, `${base}/1.1/events?${query}`);
      raw.push(...events);
      if (events.length < limit) break; // LibCal has no envelope: a short page is the last
    }
    return raw;
  }

  return {
    format: SourceFormat.LIBCAL,
    async pull(source: SourceSpec, http: HttpClient): Promise<PullResult<NormalizedEvent>> {
      let raw: unknown[];
      let validators: PullResult['validators'] = { etag: null, lastModified: null };
      if (isHttp(source.url)) {
        raw = await pullApi(source, http);
      } else {
        // A saved export: the HttpClient applies SOURCE_FILE_ROOTS and answers 304 for an untouched file.
        const response = await http.fetch(source.url, { conditional: source.validators });
        validators = { etag: response.etag, lastModified: response.lastModified };
        if (response.notModified) return { notModified: true, validators, kind: EVENTS_KIND, items: [], skipped: [], incremental: false };
        raw = eventsOf(response, `LibCal events file (${source.url})`);
      }
      const seen = new Set<string>();
      const skipped: SkippedItem[] = [];
      const mapped = mapLibCalEvents(raw, source.partnerTimezone);
      // Pages can shift while we read them (an event added meanwhile): the first copy of an id wins.
      const links = new WebLinkCheck();
      const items = mapped.events.filter((e) => !seen.has(e.externalId) && !!seen.add(e.externalId)).map((e) => links.event(e));
      skipped.push(...mapped.skipped, ...links.skipped());
      return { notModified: false, validators, kind: EVENTS_KIND, items, skipped, incremental: false };
    },
  };
}

export const libcalSource = createLibCalSource();
