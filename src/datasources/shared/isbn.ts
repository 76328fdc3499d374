/**
 * ISBN normalization: any spelling (hyphens, spaces, ISBN-10 or -13, "ISBN" prefix) → the ISBN-13
 * digits, so "0-471-38314-7", "0471383147" and "978-0-471-38314-7" are one key. Check digits are
 * verified (ISO 2108); a string that fails is not an ISBN.
 */
export function isbn10CheckOk(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d[i] === 'X' ? 10 : Number(d[i])) * (10 - i);
  return sum % 11 === 0;
}

function isbn13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** The compact ISBN-13 of any valid ISBN spelling, else null. */
export function toIsbn13(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/^ISBN(-1[03])?:?/, '').replace(/[\s-]/g, '');
  if (/^\d{9}[\dX]$/.test(compact)) {
    if (!isbn10CheckOk(compact)) return null;
    const first12 = `978${compact.slice(0, 9)}`;
    return first12 + isbn13Check(first12);
  }
  if (/^97[89]\d{10}$/.test(compact)) return isbn13Check(compact.slice(0, 12)) === compact[12] ? compact : null;
  return null;
}

/** The ISBN-10 form of a 978- ISBN-13 (979- has none). */
export function toIsbn10(isbn13: string): string | null {
  if (!isbn13.startsWith('978')) return null;
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

/** Splits a MARC 020 $a such as "0471383147 (paper/cd-rom : alk. paper)" into the ISBN and its qualifier. */
export function splitIsbn(raw: string): { isbn13: string | null; qualifier: string | null } {
  const match = /^\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\s*(.*)$/.exec(raw);
  if (!match) return { isbn13: null, qualifier: raw.trim() || null };
  const qualifier = match[2].replace(/^[\s:;]+|[\s:;.]+$/g, '').replace(/^\((.*)\)$/, '$1').trim();
  return { isbn13: toIsbn13(match[1]), qualifier: qualifier || null };
}

/** Every ISBN-looking token of a free text (search queries, event descriptions), as ISBN-13s. */
export function isbnsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\dXx])(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx](?![\dXx])/g)) {
    const isbn = toIsbn13(match[0]);
    if (isbn) found.add(isbn);
  }
  return [...found];
}
