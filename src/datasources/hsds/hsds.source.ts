import { AdapterError, HttpClient, HttpResult, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { fetchExplained } from '../shared/fetch-failure';
import { integerOption } from '../shared/source-options';
import { NormalizedService, SERVICES_KIND } from '../shared/service-item';
import { isSkipped, mapHsdsService } from './hsds.map';
import { isMinimalService, JsonObject, parseHsdaPage, parseJsonBody, servicesFromJson } from './hsds.parse';
import { readDataPackage } from './hsds.package';
import { jsonVersion } from './hsds.versions';
import { WebLinkCheck } from '../shared/web-links';

/**
 * Open Referral HSDS 3 listings, from
 *  - an HSDA API base URL: GET {base}/services?page=&per_page=[&modified_after=], then
 *    GET {base}/services/{id} for items the list returns minimal (HSDS 3 API reference);
 *  - a static JSON file (one service, an array, an organization with services, a page);
 *  - a tabular data package (datapackage.json + CSV tables), HSDS 1.x, 2.x or 3.x (hsds.versions.ts).
 * The version found is reported (PullResult.formatVersion).
 * options: mode ('api' | 'file' | 'datapackage', else inferred from the URL), perPage (100),
 * maxPages (200), incremental (true: after a first full sync, ask only for modified_after).
 */
type Mode = 'api' | 'file' | 'datapackage';

function modeOf(source: SourceSpec): Mode {
  const mode = source.options.mode;
  if (mode === 'api' || mode === 'file' || mode === 'datapackage') return mode;
  if (mode !== undefined) throw new AdapterError(`HSDS option "mode" must be api, file or datapackage, got ${JSON.stringify(mode)}.`);
  const path = new URL(source.url).pathname.toLowerCase();
  if (path.endsWith('datapackage.json')) return 'datapackage';
  return path.endsWith('.json') ? 'file' : 'api';
}

const intOption = (source: SourceSpec, name: string, fallback: number, max: number) => integerOption(source, 'HSDS', name, fallback, max);

async function get(http: HttpClient, url: string, what: string, conditional?: SourceSpec['validators']): Promise<HttpResult> {
  const answered = (status: number) => new AdapterError(`${what}: GET ${url} answered HTTP ${status}.`);
  const response = await fetchExplained(http, url, { headers: { accept: 'application/json, text/csv;q=0.9' }, conditional }, answered);
  if (response.notModified) return response;
  if (response.status < 200 || response.status >= 300) throw answered(response.status);
  return response;
}

/** Walks the pages, trusting the envelope only while it is consistent with itself. */
async function pullApi(source: SourceSpec, http: HttpClient, skipped: SkippedItem[]): Promise<{ raws: JsonObject[]; incremental: boolean }> {
  const base = source.url.replace(/\/+$/, '');
  const perPage = intOption(source, 'perPage', 100, 1000);
  const maxPages = intOption(source, 'maxPages', 200, 10000);
  const incremental = source.lastSuccessAt !== null && source.options.incremental !== false;
  const listed: JsonObject[] = [];
  for (let page = 1; ; page++) {
    if (page > maxPages) throw new AdapterError(`HSDA paging did not end within maxPages=${maxPages} pages; nothing was stored.`);
    const query = new URLSearchParams({ page: String(page), per_page: String(perPage) });
    if (incremental) query.set('modified_after', source.lastSuccessAt!.toISOString());
    const url = `${base}/services?${query}`;
    const envelope = parseHsdaPage((await get(http, url, 'HSDA service list')).body, `HSDA page ${page} (${url})`);
    if (envelope.pageNumber !== page) {
      throw new AdapterError(`HSDA page ${page}: asked for page ${page}, the envelope says page_number ${envelope.pageNumber}.`);
    }
    listed.push(...envelope.contents);
    const last = envelope.lastPage ?? page >= envelope.totalPages;
    if (envelope.contents.length === 0 && envelope.totalItems > 0) {
      if (page <= envelope.totalPages) {
        throw new AdapterError(`HSDA page ${page} came back empty, but the envelope claims total_pages ${envelope.totalPages} and total_items ${envelope.totalItems}; the envelope is inconsistent, nothing was stored.`);
      }
      break;
    }
    if (last) {
      if (page < envelope.totalPages) {
        throw new AdapterError(`HSDA page ${page} says last_page, but total_pages is ${envelope.totalPages}; the envelope is inconsistent, nothing was stored.`);
      }
      break;
    }
    if (page >= envelope.totalPages && envelope.lastPage === false) {
      // total_pages said this was the end but last_page disagrees: keep reading (bounded by maxPages);
      // the next page's envelope decides, and an empty one ends the walk.
      continue;
    }
  }
  const raws: JsonObject[] = [];
  for (const item of servicesFromJson(listed, 'HSDA list')) {
    if (!isMinimalService(item) || typeof item.id !== 'string') {
      raws.push(item);
      continue;
    }
    const url = `${base}/services/${encodeURIComponent(item.id)}`;
    // 404 is asked for: a service deleted between the list and its detail is skipped, not a failure.
    const answered = (status: number) => new AdapterError(`HSDA service detail: GET ${url} answered HTTP ${status}.`);
    const response = await fetchExplained(http, url, { headers: { accept: 'application/json' }, acceptStatus: [404] }, answered);
    if (response.status === 404) {
      skipped.push({ externalId: item.id, reason: `listed, but GET ${url} answered 404 (removed while we read the list)` });
      continue;
    }
    if (response.status < 200 || response.status >= 300) throw answered(response.status);
    raws.push(...servicesFromJson(parseJsonBody(response.body, `HSDA service ${item.id}`), url));
  }
  return { raws, incremental };
}

/** service_at_location lists repeat a service once per location: one service, all its locations. */
function mergeById(raws: JsonObject[]): JsonObject[] {
  const byId = new Map<unknown, JsonObject>();
  const out: JsonObject[] = [];
  for (const raw of raws) {
    const existing = raw.id != null ? byId.get(raw.id) : undefined;
    if (!existing) {
      if (raw.id != null) byId.set(raw.id, raw);
      out.push(raw);
    } else if (Array.isArray(existing.service_at_locations) && Array.isArray(raw.service_at_locations)) {
      existing.service_at_locations = [...existing.service_at_locations, ...raw.service_at_locations];
    }
  }
  return out;
}

export const hsdsSource: SourceAdapter = {
  format: SourceFormat.HSDS,
  async pull(source: SourceSpec, http: HttpClient): Promise<PullResult<NormalizedService>> {
    const mode = modeOf(source);
    const skipped: SkippedItem[] = [];
    let raws: JsonObject[];
    let origin: WeakMap<JsonObject, { file: string; line: number | undefined }> | null = null;
    let formatVersion: string;
    let incremental = false;
    let validators = { etag: null as string | null, lastModified: null as string | null };
    if (mode === 'api') {
      ({ raws, incremental } = await pullApi(source, http, skipped));
      formatVersion = jsonVersion(raws, 'API');
    } else {
      const response = await get(http, source.url, mode === 'file' ? 'HSDS file' : 'HSDS data package', source.validators);
      validators = { etag: response.etag, lastModified: response.lastModified };
      if (response.notModified) return { notModified: true, validators, kind: SERVICES_KIND, items: [], skipped: [], incremental: false };
      if (mode === 'file') {
        raws = servicesFromJson(parseJsonBody(response.body, `HSDS file ${source.url}`), source.url);
        formatVersion = jsonVersion(raws, 'JSON');
      } else {
        const contents = await readDataPackage(source.url, response.body, async (url, what) => (await get(http, url, what)).body);
        ({ raws, origin, formatVersion } = contents);
        skipped.push(...contents.skipped);
      }
    }
    const items: NormalizedService[] = [];
    const links = new WebLinkCheck();
    for (const raw of mergeById(raws)) {
      const mapped = mapHsdsService(raw, { zone: source.partnerTimezone, window: source.window });
      if (!isSkipped(mapped)) {
        items.push(links.service(mapped));
        continue;
      }
      // A tabular service names its row, so partner staff find it in their CSV.
      const at = origin?.get(raw);
      skipped.push(at ? { ...mapped, reason: `${at.file}${at.line ? ` line ${at.line}` : ''}: ${mapped.reason}`, ...(at.line ? { line: at.line } : {}) } : mapped);
    }
    return { notModified: false, validators, kind: SERVICES_KIND, items, skipped: [...skipped, ...links.skipped()], incremental, formatVersion };
  },
};
