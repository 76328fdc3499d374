import { AttendanceMode, Audience, EventStatus, RegistrationMode } from '../domain/enums';

/**
 * The contract between the sync engine (shared) and one partner format (one folder each under
 * src/datasources/). An adapter pulls through the HttpClient it is given and returns normalized items;
 * it never touches the database. Nothing format-specific lives outside its folder.
 */
export enum SourceFormat {
  ICALENDAR = 'ICALENDAR',
  JSONLD = 'JSONLD',
  HSDS = 'HSDS',
  LIBCAL = 'LIBCAL',
  MARC = 'MARC',
  /** Live item status from a library's ILS (ILS-DI GetAvailability or FOLIO RTAC); read per request, never synced. */
  ILS_AVAILABILITY = 'ILS_AVAILABILITY',
  GRAPHQL = 'GRAPHQL',
}

/** What an adapter knows of the source it pulls. */
export interface SourceSpec {
  id: string;
  partnerId: string;
  format: SourceFormat;
  url: string;
  /** The partner's IANA zone: floating times and date-only values are read in it. */
  partnerTimezone: string;
  /** Recurrences are expanded to occurrences starting inside [from, to). */
  window: { from: Date; to: Date };
  validators: { etag: string | null; lastModified: string | null };
  /** When the last successful sync started (for incremental pulls such as HSDS modified_after). */
  lastSuccessAt: Date | null;
  /** Format-specific settings (e.g. LibCal client id/secret, a GraphQL query mapping). */
  options: Record<string, unknown>;
  /**
   * SYNC_MAX_OCCURRENCES_PER_SERIES: an adapter that expands recurrences stops there (the engine caps
   * every format's series anyway; stopping early spares the work). Absent: no limit.
   */
  maxOccurrencesPerSeries?: number;
}

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** Send If-None-Match / If-Modified-Since; a 304 comes back as notModified. */
  conditional?: { etag: string | null; lastModified: string | null };
  method?: 'GET' | 'POST';
  body?: string;
  /**
   * Return a 4xx answer with its body instead of failing: GraphQL-over-HTTP servers put request and
   * validation errors in a 400's body, and the GRAPHQL adapter shows them. 429 and 5xx are still
   * retried and then fail.
   */
  readErrorBody?: boolean;
  /**
   * Statuses >= 400 the adapter handles itself: returned with their body at once, never retried
   * (LibCal: 401 means "fetch a new token"; HSDS: a 404 detail is an item removed meanwhile).
   */
  acceptStatus?: number[];
  /**
   * false: a redirect answer fails the fetch (rule: credential-redirect) instead of being followed.
   * For credential requests (a token POST carrying a client secret): they must reach the URL they
   * were made for. Default true; even then a redirect to another origin drops the credential headers
   * (authorization, cookie, proxy-authorization) and never resends a body.
   */
  followRedirects?: boolean;
}

export interface HttpResult {
  url: string;
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * The one fetch policy (timeouts, retries, size cap, SSRF rules) lives behind this interface.
 *
 * Status contract (src/datasources/shared/http.ts implements it; tests use that client too):
 *  - 2xx and 304 (notModified) are results; redirects are followed (each hop checked) unless
 *    `followRedirects` is false; a hop to another origin sends no credential headers and no body
 *    (301/302/303 go on as a GET, 307/308 with a body fail);
 *  - 429 and 5xx are retried with backoff (Retry-After honoured), then fail;
 *  - any other status >= 400 fails at once;
 *  - a failure is a FetchError whose `status` is the HTTP status (null for network, timeout, size);
 *  - except: a status listed in `acceptStatus` is returned (never retried), and `readErrorBody`
 *    returns every non-retryable 4xx. An adapter that reads a status must ask for it.
 */
export interface HttpClient {
  fetch(url: string, options?: HttpRequestOptions): Promise<HttpResult>;
}

/** A place as a partner describes it; the engine matches it to (or creates) a Location of the partner. */
export interface NormalizedPlace {
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** The partner's own code (branch code), when it has one. */
  code?: string | null;
}

/** One occurrence, ready to store. Instants are UTC Dates; all-day events also carry local dates. */
export interface NormalizedEvent {
  /** Unique within the source: UID (+ recurrence instance). Becomes part of the stable row id. */
  externalId: string;
  /** Groups occurrences of one series (e.g. the UID); null for one-off events. */
  seriesKey: string | null;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  allDay: boolean;
  startDate: string | null;
  endDate: string | null;
  status: EventStatus;
  attendanceMode: AttendanceMode;
  audiences: Audience[];
  rawAudiences: string[];
  categories: string[];
  url: string | null;
  imageUrl: string | null;
  place: NormalizedPlace | null;
  registration: {
    mode: RegistrationMode;
    url: string | null;
    capacity: number | null;
    /** Seats the partner reports taken (EXTERNAL registration). */
    confirmed: number | null;
  };
  /**
   * Partner detail with no column yet (issue 4): schema.org offers, previousStartDate and organizer,
   * LibCal's wait list. Optional; a sink may store or ignore it.
   */
  details?: EventDetails;
}

export interface EventOffer {
  name: string | null;
  price: number | null;
  currency: string | null;
  url: string | null;
  /** schema.org ItemAvailability term, e.g. InStock, SoldOut. */
  availability: string | null;
}

export interface EventDetails {
  previousStartsAt?: Date | null;
  offers?: EventOffer[];
  organizerName?: string | null;
  /** The partner takes a waiting list when full (LibCal `wait_list`); null when the feed does not say. */
  waitlist?: boolean | null;
}

/**
 * An item the adapter could not use, with the reason shown in the SyncReport and stored on the Source
 * (`lastSkips`). Where it was in the feed (line, byte offset, the item's own id) lets partner staff find
 * it in their export. The reason must not quote the feed beyond a short identifier: it is stored and
 * shown, and the partner's bytes are not ours to echo.
 */
export interface SkippedItem {
  /** The item's id in the feed (UID, 001, HSDS id), when it has one. */
  externalId?: string | null;
  reason: string;
  /** 1-based line of the item in a text feed (iCalendar, CSV row). */
  line?: number;
  /** Byte offset of the item in a binary feed (ISO 2709). */
  offset?: number;
  /** A short reference other than the id: a resource name, a record number. */
  ref?: string;
}

/**
 * What one pull produced. `kind` picks the sink that stores it (events, services, catalog records);
 * each sink is registered with the sync engine by the feature that owns the table.
 */
export interface PullResult<Item = unknown> {
  notModified: boolean;
  validators: { etag: string | null; lastModified: string | null };
  kind: string;
  items: Item[] | AsyncIterable<Item>;
  skipped: SkippedItem[];
  /**
   * true when `items` is a delta (e.g. HSDS modified_after): items absent from it are not removed.
   * false: the pull is the whole feed, and anything it no longer contains is gone from the source.
   */
  incremental: boolean;
  /** Ids the source says were deleted (MARC leader/05 = d, HSDS deletions). */
  deletedExternalIds?: string[];
  /** The feed's own title (iCalendar NAME / X-WR-CALNAME), shown on the Source. */
  title?: string | null;
  /**
   * What the adapter read leniently though the feed said otherwise (e.g. "3 record(s) declared MARC-8
   * were UTF-8"), shown in the SyncReport. Like `skipped`, a streamed pull fills it while being read.
   */
  notes?: string[];
  /** The version of the format the feed turned out to be (e.g. HSDS "2.0 tabular"), shown on the Source. */
  formatVersion?: string | null;
  /**
   * Items of other kinds from the same pull, each stored by its own sink after the main items (another
   * Community Graph brings events and catalog records). The pull fails as a whole before anything
   * is stored, so a failure in one part never leaves another half-updated.
   */
  parts?: PullPart[];
}

export type PullPart<Item = unknown> = Pick<PullResult<Item>, 'kind' | 'items' | 'incremental' | 'deletedExternalIds'>;

/** A thrown AdapterError fails the sync with its message (naming the line / component) stored on the Source. */
export class AdapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdapterError';
  }
}

export interface SourceAdapter {
  format: SourceFormat;
  pull(source: SourceSpec, http: HttpClient): Promise<PullResult>;
}

export const EVENTS_KIND = 'events';

/**
 * Formats a Source registers but the sync engine never pulls: they are read per request (live ILS
 * availability). The scheduler passes them by, and adding one needs no adapter.
 */
export const LIVE_FORMATS: readonly SourceFormat[] = [SourceFormat.ILS_AVAILABILITY];

/** Catalog records (NormalizedCatalogRecord from src/datasources/shared/catalog-item.ts: MARC, another Community Graph), stored by the catalog sink. */
export const CATALOG_KIND = 'catalog';
