import { isbnsIn } from '../../datasources/shared/isbn';
import { subjectKey, titleKey } from './catalog-text';

/**
 * The rule linking events and catalog records (docs/ARCHITECTURE.md, "Catalog ↔ events"):
 * - ISBN: an ISBN (any spelling) in the event's title or description is one of the record's ISBNs;
 * - TITLE: a segment of the event title ("Book Club: The Wild Robot" → "The Wild Robot") or a
 *   quoted phrase of its description equals the record's title (folded, leading article dropped;
 *   titles shorter than two words or eight letters never match);
 * - SUBJECT: an event category equals the first element of one of the record's subject headings.
 * Stronger evidence ranks first: ISBN 3, TITLE 2, SUBJECT 1 (summed when several hold).
 */
export interface EventLike {
  title: string;
  description: string | null;
  categories: string[];
}

export interface RecordLike {
  title: string;
  isbns: { isbn13: string }[];
  subjects: string[];
}

export interface EventKeys {
  isbns: string[];
  titles: string[];
  subjects: string[];
}

const QUOTED = /["“«„]([^"“”«»„]{3,160})["”»“]/g;

export function eventKeys(event: EventLike): EventKeys {
  const text = `${event.title}\n${event.description ?? ''}`;
  const phrases = [...event.title.split(/\s*[:|–—]\s*|\s+-\s+/), ...[...text.matchAll(QUOTED)].map((m) => m[1])];
  return {
    isbns: isbnsIn(text),
    titles: [...new Set(phrases.map(titleKey).filter((k): k is string => !!k))],
    subjects: [...new Set(event.categories.map(subjectKey).filter((k): k is string => !!k))],
  };
}

export function relationScore(keys: EventKeys, record: RecordLike): number {
  let score = 0;
  if (record.isbns.some((i) => keys.isbns.includes(i.isbn13))) score += 3;
  const title = titleKey(record.title);
  if (title && keys.titles.includes(title)) score += 2;
  if (record.subjects.some((s) => { const k = subjectKey(s); return k !== null && keys.subjects.includes(k); })) score += 1;
  return score;
}
