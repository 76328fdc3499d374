import { NormalizedCatalogRecord } from '../../datasources/shared/catalog-item';
import { isbnsIn, toIsbn10 } from '../../datasources/shared/isbn';
import { CatalogKeyKind } from '../../model/catalog-key.entity';

/**
 * Text folding shared by indexing and querying, so SQLite FTS5 and PostgreSQL see the same words:
 * compatibility-decomposed, diacritics dropped, lower-cased ("Koryŏ" → "koryo", "Ł" stays "ł").
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[łøđæœßþı]/g, (c) => LETTER_FOLDS[c]);
}

/** Letters with no Unicode decomposition that readers type without their stroke (as ICU folding does). */
const LETTER_FOLDS: Record<string, string> = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th', 'ı': 'i' };

/** Words as both engines tokenize them: runs of letters and digits. */
export const words = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

const LEADING_ARTICLE = /^(the|a|an|le|la|les|el|los|las|der|die|das)\s+/;

/** A title as a match key: folded words, leading article dropped. null when too short to mean one book. */
export function titleKey(title: string): string | null {
  const key = words(title).join(' ').replace(LEADING_ARTICLE, '');
  return key.includes(' ') || key.length >= 8 ? key.slice(0, 200) : null;
}

export const subjectKey = (heading: string): string | null => {
  const key = words(heading.split(' -- ')[0]).join(' ');
  return key.length >= 3 ? key.slice(0, 200) : null;
};

export interface SearchDocument {
  title: string;
  authors: string;
  subjects: string;
  series: string;
  identifiers: string;
}

/** The weighted columns of the full-text index: title and identifiers count most, then authors. */
export function searchDocument(r: NormalizedCatalogRecord): SearchDocument {
  const isbns = r.isbns.flatMap((i) => [i.isbn13, toIsbn10(i.isbn13)]).filter(Boolean);
  return {
    title: words([r.title, r.subtitle ?? '', ...r.alternateTitles].join(' ')).join(' '),
    authors: words(r.authors.join(' ')).join(' '),
    subjects: words(r.subjects.join(' ')).join(' '),
    series: words(r.series.join(' ')).join(' '),
    identifiers: [...isbns, ...r.issns.flatMap((i) => [i.replace('-', ''), i]), ...r.oclcNumbers, r.controlNumber].join(' ').toLowerCase(),
  };
}

export interface MatchKey {
  kind: CatalogKeyKind;
  value: string;
}

export function matchKeys(r: NormalizedCatalogRecord): MatchKey[] {
  const keys = new Map<string, MatchKey>();
  const add = (kind: CatalogKeyKind, value: string | null) => { if (value) keys.set(`${kind}|${value}`, { kind, value }); };
  for (const isbn of r.isbns) add(CatalogKeyKind.ISBN, isbn.isbn13);
  for (const oclc of r.oclcNumbers) add(CatalogKeyKind.OCLC, oclc);
  add(CatalogKeyKind.TITLE, titleKey(r.title));
  for (const subject of r.subjects) add(CatalogKeyKind.SUBJECT, subjectKey(subject));
  return [...keys.values()];
}

/** A search query as terms: ISBN-looking tokens become the ISBN-13, so any spelling finds the record. */
export function queryTerms(query: string): string[] {
  const isbns = isbnsIn(query);
  const rest = isbns.length ? query.replace(/(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]/g, ' ').replace(/\bisbn(-1[03])?:?/gi, ' ') : query;
  return [...isbns, ...words(rest)].slice(0, 32);
}
