import { CatalogFormat, CatalogIsbn, CatalogLink, HoldingStatus, NormalizedCatalogRecord, NormalizedHolding } from '../shared/catalog-item';
import { CatalogField, GraphqlCatalogPart } from './graphql.field-mapping';
import { count, enumValue, FieldReader, MappedPage, mapPage, Skip, str, strings } from './graphql.events.map';
import { GraphqlResponse } from './graphql.parse';
import { webUrl } from '../../domain/web-url';

/** A list of objects (isbnDetails, links, holdings); null reads as none. */
function objects(field: string, value: unknown): Record<string, unknown>[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Skip(`${field}: expected a list, got ${JSON.stringify(value)}`);
  return value.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Skip(`${field}[${i}]: expected an object, got ${JSON.stringify(entry)}`);
    return entry as Record<string, unknown>;
  });
}

/** A nested object's name ({ name } of a library or branch), or null. */
function nameOf(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Skip(`${field}: expected an object with a name, got ${JSON.stringify(value)}`);
  return str(`${field}.name`, (value as Record<string, unknown>).name);
}

function holdingOf(raw: Record<string, unknown>, i: number): NormalizedHolding {
  const at = `holdings[${i}]`;
  return {
    // The other town's item ids and barcodes are not public; live availability stays its business.
    itemId: null,
    branchCode: str(`${at}.branchCode`, raw.branchCode),
    holdingBranchCode: null,
    callNumber: str(`${at}.callNumber`, raw.callNumber),
    barcode: null,
    itemType: str(`${at}.itemType`, raw.itemType),
    status: enumValue(`${at}.status`, raw.status, HoldingStatus, null) ?? HoldingStatus.UNKNOWN,
    rawStatus: str(`${at}.rawStatus`, raw.rawStatus),
    dueDate: str(`${at}.dueDate`, raw.dueDate),
    libraryName: nameOf(`${at}.library`, raw.library),
    branchName: nameOf(`${at}.location`, raw.location),
  };
}

/** One record of another Community Graph → the record the MARC adapter would have produced. */
export function mapCatalogRecord(get: FieldReader<CatalogField>): NormalizedCatalogRecord {
  const externalId = str('externalId', get('externalId'), false)!;
  const title = str('title', get('title'), false)!.trim();
  const year = count('year', get('year'));
  const isbns: CatalogIsbn[] = objects('isbns', get('isbns')).map((isbn, i) => {
    const isbn13 = str(`isbns[${i}].isbn13`, isbn.isbn13, false);
    if (!isbn13 || !/^97[89]\d{10}$/.test(isbn13)) throw new Skip(`isbns[${i}].isbn13: expected a compact ISBN-13, got ${JSON.stringify(isbn.isbn13)}`);
    return { isbn13, qualifier: str(`isbns[${i}].qualifier`, isbn.qualifier) };
  });
  const links: CatalogLink[] = objects('links', get('links')).map((link, i) => ({
    // Only web links are published (src/domain/web-url.ts): another graph's link is judged again here.
    url: webUrl(str(`links[${i}].url`, link.url, false))!,
    label: str(`links[${i}].label`, link.label),
  })).filter((link) => link.url);
  return {
    externalId,
    deleted: false,
    controlNumber: str('controlNumber', get('controlNumber')) ?? externalId,
    controlNumberSource: null,
    title,
    alternateTitles: strings('alternateTitles', get('alternateTitles')),
    subtitle: str('subtitle', get('subtitle')),
    statementOfResponsibility: str('statementOfResponsibility', get('statementOfResponsibility')),
    authors: strings('authors', get('authors')),
    isbns,
    issns: strings('issns', get('issns')),
    oclcNumbers: strings('oclcNumbers', get('oclcNumbers')),
    edition: str('edition', get('edition')),
    publisher: str('publisher', get('publisher')),
    year,
    extent: str('extent', get('extent')),
    format: enumValue('format', get('format'), CatalogFormat, null) ?? CatalogFormat.OTHER,
    language: str('language', get('language')),
    series: strings('series', get('series')),
    summary: str('summary', get('summary')),
    subjects: strings('subjects', get('subjects')),
    links,
    holdings: objects('holdings', get('holdings')).map(holdingOf),
  };
}

/** One page of another Community Graph's catalogRecords → normalized catalog records (rules: mapPage). */
export function mapCatalogPage(response: GraphqlResponse, part: GraphqlCatalogPart, url: string): MappedPage<NormalizedCatalogRecord> {
  return mapPage(response, part, url, mapCatalogRecord);
}
