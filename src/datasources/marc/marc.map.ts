import { CatalogFormat, CatalogIsbn, CatalogLink, HoldingStatus, NormalizedCatalogRecord, NormalizedHolding } from '../shared/catalog-item';
import { splitIsbn } from '../shared/isbn';
import { controlField, dataFields, MarcField, MarcRecord, subfield, subfieldsOf } from './marc.record';
import { marcRecordId, MarcRecordId } from './marc.record-id';
import { webUrl } from '../../domain/web-url';

/**
 * MARC 21 bibliographic → NormalizedCatalogRecord. Field meanings: https://www.loc.gov/marc/bibliographic/
 * Holdings: Koha's embedded 952 items (https://wiki.koha-community.org/wiki/Holdings_data_fields_(9xx))
 * and the standard 852 location field.
 */
export class MarcMappingError extends Error {}

/** ISBD punctuation that ends a MARC subfield (" /", " :", " ;", ",", "=") is display syntax, not data. */
export function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  let text = value.replace(/\s+/g, ' ').trim().replace(/[\s/:;,=]+$/, '').trim();
  // A final period goes, unless it ends an initial or an abbreviation such as "ed." or "Jr.".
  if (text.endsWith('.') && !/(\b\p{Lu}|\b(?:ed|Jr|Sr|etc|Inc|Co|Ltd|pbk|v|no))\.$/u.test(text)) text = text.slice(0, -1);
  return text || null;
}

const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

function formatOf(record: MarcRecord): CatalogFormat {
  const type = record.leader[6];
  const level = record.leader[7];
  const carriers = dataFields(record, '337', '338').flatMap((f) => subfieldsOf(f, 'ab')).join(' ').toLowerCase();
  const f008 = controlField(record, '008') ?? '';
  const medium = dataFields(record, '245').map((f) => subfield(f, 'h') ?? '').join(' ').toLowerCase();
  // RDA content type (336) is more specific than the leader for recordings and video.
  const content = dataFields(record, '336').flatMap((f) => subfieldsOf(f, 'ab')).join(' ').toLowerCase();
  if (/spoken word|\bspw\b/.test(content)) return CatalogFormat.AUDIOBOOK;
  if (/performed music|\bprm\b/.test(content)) return CatalogFormat.MUSIC;
  if (/two-dimensional moving image|\btdi\b/.test(content)) return CatalogFormat.DVD;
  const online = /online resource|computer|\bcr\b/.test(carriers) || /electronic resource/.test(medium) || ['o', 's'].includes(f008[23]);
  if (type === 'a' || type === 't') {
    if (level === 's' || level === 'i') return CatalogFormat.MAGAZINE;
    return online ? CatalogFormat.EBOOK : CatalogFormat.BOOK;
  }
  if (type === 'i') return CatalogFormat.AUDIOBOOK;
  if (type === 'j' || type === 'c' || type === 'd') return CatalogFormat.MUSIC;
  if (type === 'g') return CatalogFormat.DVD;
  return CatalogFormat.OTHER;
}

function yearOf(record: MarcRecord): number | null {
  const f008 = controlField(record, '008') ?? '';
  if (/^\d{4}$/.test(f008.slice(7, 11))) return Number(f008.slice(7, 11));
  for (const field of dataFields(record, '264', '260')) {
    const match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(subfield(field, 'c') ?? '');
    if (match) return Number(match[1]);
  }
  return null;
}

function languageOf(record: MarcRecord): string | null {
  const coded = dataFields(record, '041').map((f) => subfield(f, 'a')).find((v) => v && /^[a-z]{3}/i.test(v));
  if (coded) return coded.slice(0, 3).toLowerCase();
  const fromFixed = (controlField(record, '008') ?? '').slice(35, 38);
  return /^[a-z]{3}$/.test(fromFixed) && fromFixed !== 'zxx' && fromFixed !== 'und' ? fromFixed : null;
}

function oclcNumbers(record: MarcRecord): string[] {
  return unique(dataFields(record, '035').flatMap((f) => subfieldsOf(f, 'a')).map((raw) => {
    const match = /^\(OCoLC\)\s*(?:ocm|ocn|on)?0*(\d+)/i.exec(raw.trim());
    return match ? match[1] : null;
  }));
}

function isbnsOf(record: MarcRecord): CatalogIsbn[] {
  const seen = new Map<string, CatalogIsbn>();
  for (const field of dataFields(record, '020')) {
    for (const raw of subfieldsOf(field, 'a')) {
      const { isbn13, qualifier: inline } = splitIsbn(raw);
      const qualifier = clean(subfield(field, 'q')) ?? (inline ? clean(inline) : null);
      if (isbn13 && !seen.has(isbn13)) seen.set(isbn13, { isbn13, qualifier });
    }
  }
  return [...seen.values()];
}

const heading = (field: MarcField): string | null =>
  clean(subfieldsOf(field, 'avxyz').map((v) => clean(v)).filter(Boolean).join(' -- '));

function linksOf(record: MarcRecord): CatalogLink[] {
  return dataFields(record, '856').flatMap((field) => {
    const label = clean(subfield(field, 'y') ?? subfield(field, '3') ?? subfield(field, 'z'));
    // Only web links are published (src/domain/web-url.ts); 856 $u may hold ftp:, mailto: or worse.
    return subfieldsOf(field, 'u').map(webUrl).filter((url): url is string => !!url).map((url) => ({ url, label }));
  });
}

const nonZero = (value: string | null) => value !== null && value.trim() !== '' && value.trim() !== '0';

/** Koha 952: $7 notforloan (negative = on order), $1 itemlost, $0 withdrawn, $q date due. */
function kohaItem(field: MarcField): NormalizedHolding {
  const notForLoan = subfield(field, '7');
  const due = clean(subfield(field, 'q'));
  let status = HoldingStatus.AVAILABLE;
  let rawStatus = 'available';
  if (nonZero(subfield(field, '1'))) [status, rawStatus] = [HoldingStatus.LOST, `lost (${subfield(field, '1')!.trim()})`];
  else if (nonZero(subfield(field, '0'))) [status, rawStatus] = [HoldingStatus.NOT_FOR_LOAN, 'withdrawn'];
  else if (nonZero(notForLoan)) {
    [status, rawStatus] = Number(notForLoan) < 0 ? [HoldingStatus.ON_ORDER, `notforloan ${notForLoan!.trim()}`] : [HoldingStatus.NOT_FOR_LOAN, `notforloan ${notForLoan!.trim()}`];
  } else if (due) [status, rawStatus] = [HoldingStatus.CHECKED_OUT, `due ${due}`];
  const barcode = clean(subfield(field, 'p'));
  return {
    itemId: clean(subfield(field, '9')) ?? barcode,
    branchCode: clean(subfield(field, 'a')),
    holdingBranchCode: clean(subfield(field, 'b')),
    callNumber: clean(subfield(field, 'o')),
    barcode,
    itemType: clean(subfield(field, 'y')),
    status, rawStatus,
    dueDate: due,
  };
}

/** 852 says where a copy lives, not whether it is out: status UNKNOWN until the ILS answers. */
function locationItem(field: MarcField): NormalizedHolding {
  const callNumber = clean(subfieldsOf(field, 'khim').join(' '));
  const barcode = clean(subfield(field, 'p'));
  return {
    itemId: barcode, branchCode: clean(subfield(field, 'b')), holdingBranchCode: null, callNumber, barcode,
    itemType: null, status: HoldingStatus.UNKNOWN, rawStatus: null, dueDate: null,
  };
}

/** `identity` is passed in by callers that also report which id rule was used (marc.source.ts). */
export function mapMarcRecord(record: MarcRecord, identity: MarcRecordId = marcRecordId(record)): NormalizedCatalogRecord {
  const controlNumber = identity.id;
  const deleted = record.leader[5] === 'd';
  const title245 = dataFields(record, '245')[0];
  const title = title245 ? clean(subfieldsOf(title245, 'anp').join(' ')) : null;
  if (!title && !deleted) throw new MarcMappingError('record has no 245 title');
  const publication = dataFields(record, '264', '260').find((f) => subfield(f, 'b'));
  return {
    externalId: controlNumber,
    deleted,
    controlNumber,
    // 003 names the organisation whose 001 this is: without a 001 it identifies nothing.
    controlNumberSource: identity.rule === '001' ? controlField(record, '003')?.trim() || null : null,
    title: title ?? '',
    alternateTitles: unique(dataFields(record, '880').filter((f) => (subfield(f, '6') ?? '').startsWith('245'))
      .map((f) => clean(subfieldsOf(f, 'anpb').join(' ').replace(/[\u200e\u200f\u202a-\u202e]/g, '')))),
    subtitle: title245 ? clean(subfield(title245, 'b')) : null,
    statementOfResponsibility: title245 ? clean(subfield(title245, 'c')) : null,
    authors: unique(dataFields(record, '100', '110', '700', '710').map((f) => clean(subfieldsOf(f, 'abcq').join(' ')))),
    isbns: isbnsOf(record),
    issns: unique(dataFields(record, '022').map((f) => subfield(f, 'a')).map((v) => (v && /^\d{4}-?\d{3}[\dXx]/.test(v.trim()) ? v.trim().slice(0, 9).toUpperCase().replace(/^(\d{4})(\d)/, '$1-$2') : null))),
    oclcNumbers: oclcNumbers(record),
    edition: clean(dataFields(record, '250').map((f) => subfield(f, 'a'))[0]),
    publisher: publication ? clean(subfield(publication, 'b')) : null,
    year: yearOf(record),
    extent: clean(dataFields(record, '300').map((f) => subfieldsOf(f, 'abc').join(' '))[0]),
    format: formatOf(record),
    language: languageOf(record),
    series: unique(dataFields(record, '490', '830').map((f) => clean(subfield(f, 'a')))),
    summary: clean(dataFields(record, '520').map((f) => subfield(f, 'a'))[0]),
    subjects: unique(dataFields(record, '650', '651', '655').map(heading)),
    links: linksOf(record),
    holdings: [...dataFields(record, '952').map(kohaItem), ...dataFields(record, '852').map(locationItem)],
  };
}
