/** The catalog's vocabulary: formats, item statuses, and the normalized record every catalog source produces. */
export enum CatalogFormat {
  BOOK = 'BOOK',
  EBOOK = 'EBOOK',
  AUDIOBOOK = 'AUDIOBOOK',
  DVD = 'DVD',
  MUSIC = 'MUSIC',
  MAGAZINE = 'MAGAZINE',
  OTHER = 'OTHER',
}

export enum HoldingStatus {
  AVAILABLE = 'AVAILABLE',
  CHECKED_OUT = 'CHECKED_OUT',
  IN_TRANSIT = 'IN_TRANSIT',
  ON_HOLD = 'ON_HOLD',
  NOT_FOR_LOAN = 'NOT_FOR_LOAN',
  LOST = 'LOST',
  MISSING = 'MISSING',
  ON_ORDER = 'ON_ORDER',
  UNKNOWN = 'UNKNOWN',
}

export interface CatalogIsbn {
  isbn13: string;
  /** "pbk.", "hardcover", "v. 2": kept apart from the number. */
  qualifier: string | null;
}

export interface CatalogLink {
  url: string;
  label: string | null;
}

export interface NormalizedHolding {
  /** The ILS's item id (Koha 952$9) or barcode: matches live availability to this copy. */
  itemId: string | null;
  /** Owning branch code (952$a, 852$b); mapped to the library's Location via Location.code. */
  branchCode: string | null;
  /** Where the copy currently is (952$b), when it differs. */
  holdingBranchCode: string | null;
  callNumber: string | null;
  barcode: string | null;
  itemType: string | null;
  status: HoldingStatus;
  rawStatus: string | null;
  dueDate: string | null;
  /**
   * Set only for copies federated from another Community Graph: the owning library's and branch's
   * names there. Absent (not null) for MARC, so stored content hashes stay as they were.
   */
  libraryName?: string | null;
  branchName?: string | null;
}

/** One bibliographic record ready to store (kind 'catalog'). */
export interface NormalizedCatalogRecord {
  externalId: string;
  /** leader/05 = d: the source deleted it; the sink suppresses the stored record. */
  deleted: boolean;
  controlNumber: string;
  controlNumberSource: string | null;
  title: string;
  /** The title in its original script (MARC 880 linked to 245), e.g. Arabic or CJK beside the romanization. */
  alternateTitles: string[];
  subtitle: string | null;
  statementOfResponsibility: string | null;
  authors: string[];
  isbns: CatalogIsbn[];
  issns: string[];
  oclcNumbers: string[];
  edition: string | null;
  publisher: string | null;
  year: number | null;
  extent: string | null;
  format: CatalogFormat;
  language: string | null;
  series: string[];
  summary: string | null;
  subjects: string[];
  links: CatalogLink[];
  holdings: NormalizedHolding[];
}

/** Normalized status → may a patron take it home now / place a request (policy differs per library). */
export const AVAILABLE_NOW = new Set<HoldingStatus>([HoldingStatus.AVAILABLE]);
export const REQUESTABLE = new Set<HoldingStatus>([
  HoldingStatus.CHECKED_OUT, HoldingStatus.IN_TRANSIT, HoldingStatus.ON_HOLD, HoldingStatus.ON_ORDER,
]);

/**
 * ILS status words (Koha, Evergreen, FOLIO, DLF availabilitymsg) → our status. Ordered: "not for
 * loan" and "not available" must be tested before "available".
 */
const STATUS_WORDS: [RegExp, HoldingStatus][] = [
  [/not\s*for\s*loan|reference|library use only|in library use|restricted|withdrawn|non-?circulating/i, HoldingStatus.NOT_FOR_LOAN],
  [/lost|long overdue|claims? returned/i, HoldingStatus.LOST],
  [/missing|unavailable.*missing/i, HoldingStatus.MISSING],
  [/transit/i, HoldingStatus.IN_TRANSIT],
  [/hold|awaiting pickup|waiting|reserved|paged/i, HoldingStatus.ON_HOLD],
  [/on order|ordered|in process|acquisition/i, HoldingStatus.ON_ORDER],
  [/checked out|on loan|charged|overdue|due\b|loaned/i, HoldingStatus.CHECKED_OUT],
  [/^\s*(available|on shelf|in|check(ed)? ?in|reshelving)\s*$/i, HoldingStatus.AVAILABLE],
];

export function normalizeHoldingStatus(raw: string | null | undefined): HoldingStatus {
  if (!raw) return HoldingStatus.UNKNOWN;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(raw)) return status;
  return HoldingStatus.UNKNOWN;
}

/**
 * Streamed beside the records: a record the source sent but we could not read. The sink then knows
 * the file was incomplete and does not take the absence of that record for a deletion.
 */
export interface SkippedCatalogRecord {
  skipped: true;
  externalId: string | null;
}

export type CatalogSinkItem = NormalizedCatalogRecord | SkippedCatalogRecord;
