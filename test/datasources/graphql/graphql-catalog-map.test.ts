import { AdapterError } from '../../../src/datasources/adapter';
import { mapCatalogPage } from '../../../src/datasources/graphql/graphql.catalog.map';
import { COMMUNITY_GRAPH_CATALOG, readGraphqlMapping } from '../../../src/datasources/graphql/graphql.field-mapping';

const URL = 'http://town-b.example/graphql';

const record = (extra: Record<string, unknown> = {}) => ({
  id: 'Q2F0YWxvZ1JlY29yZDox', controlNumber: '000123', title: 'The river and the lock', alternateTitles: [],
  subtitle: 'a history', statementOfResponsibility: 'by Ada Lind', authors: ['Lind, Ada'],
  isbnDetails: [{ isbn13: '9780306406157', qualifier: 'pbk.' }], issns: [], oclcNumbers: ['12345'], edition: null,
  publisher: 'River Press', year: 2019, extent: '212 p.', format: 'BOOK', language: 'eng', series: [],
  summary: 'Locks and dams of the upper river.', subjects: ['Locks (Hydraulic engineering) -- History'],
  links: [{ url: 'https://town-b.example/r/1', label: 'Catalog page' }],
  holdings: [{
    branchCode: 'MAIN', callNumber: '627.1 LIN', itemType: 'BOOK', status: 'CHECKED_OUT', rawStatus: 'Checked out',
    dueDate: '2026-12-10', library: { name: 'River Town Public Library' }, location: { name: 'Main Library' },
  }],
  ...extra,
});
const page = (nodes: unknown[], errors: unknown[] = [], pageInfo = { hasNextPage: false, endCursor: null as string | null }) => ({
  data: { catalogRecords: { edges: nodes.map((n) => ({ node: n })), pageInfo } },
  errors: errors as never[],
});
const map = (response: ReturnType<typeof page>) => mapCatalogPage(response, COMMUNITY_GRAPH_CATALOG, URL);

describe('mapping a Community Graph catalog page', () => {
  it('maps a record to the normalized record the MARC adapter produces, holdings with the remote names', () => {
    const mapped = map(page([record()], [], { hasNextPage: true, endCursor: 'Y3IxfGFi' }));
    expect(mapped).toMatchObject({ skipped: [], acceptedErrors: 0, hasNextPage: true, endCursor: 'Y3IxfGFi' });
    expect(mapped.items).toEqual([{
      externalId: 'Q2F0YWxvZ1JlY29yZDox', deleted: false, controlNumber: '000123', controlNumberSource: null,
      title: 'The river and the lock', alternateTitles: [], subtitle: 'a history', statementOfResponsibility: 'by Ada Lind',
      authors: ['Lind, Ada'], isbns: [{ isbn13: '9780306406157', qualifier: 'pbk.' }], issns: [], oclcNumbers: ['12345'],
      edition: null, publisher: 'River Press', year: 2019, extent: '212 p.', format: 'BOOK', language: 'eng', series: [],
      summary: 'Locks and dams of the upper river.', subjects: ['Locks (Hydraulic engineering) -- History'],
      links: [{ url: 'https://town-b.example/r/1', label: 'Catalog page' }],
      holdings: [{
        itemId: null, branchCode: 'MAIN', holdingBranchCode: null, callNumber: '627.1 LIN', barcode: null, itemType: 'BOOK',
        status: 'CHECKED_OUT', rawStatus: 'Checked out', dueDate: '2026-12-10',
        libraryName: 'River Town Public Library', branchName: 'Main Library',
      }],
    }]);
  });

  it('accepts null on the fields the preset marks optional', () => {
    const [item] = map(page([record({ subtitle: null, summary: null, year: null, publisher: null, links: null, holdings: null })])).items;
    expect(item).toMatchObject({ subtitle: null, summary: null, year: null, publisher: null, links: [], holdings: [] });
  });

  it('skips a record whose required title is null, naming the field, and keeps the rest of the page', () => {
    const mapped = map(page([record({ id: 'bad', title: null }), record()]));
    expect(mapped.skipped).toEqual([{ externalId: 'bad', reason: 'title (title) is null and the mapping does not mark it optional' }]);
    expect(mapped.items.map((r) => r.externalId)).toEqual(['Q2F0YWxvZ1JlY29yZDox']);
  });

  it('skips records with values of the wrong type, each with its reason', () => {
    const mapped = map(page([
      record({ id: 'r1', title: '   ' }),
      record({ id: 'r2', year: '2019' }),
      record({ id: 'r3', authors: [{ name: 'Lind' }] }),
      record({ id: 'r4', format: 'SCROLL' }),
      record({ id: 'r5', isbnDetails: [{ isbn13: '0-306-40615-2', qualifier: null }] }),
      record({ id: 'r6', holdings: [{ ...record().holdings[0], status: 'LOANED' }] }),
      record({ id: 'r7', holdings: { branchCode: 'MAIN' } }),
      record({ id: 'r8', links: [{ url: ['https://a.example'], label: null }] }),
    ]));
    expect(mapped.items).toEqual([]);
    expect(mapped.skipped).toEqual([
      { externalId: 'r1', reason: 'title: expected text, got "   "' },
      { externalId: 'r2', reason: 'year: expected a whole number, got "2019"' },
      { externalId: 'r3', reason: 'authors: expected text, got {"name":"Lind"}' },
      { externalId: 'r4', reason: 'format: "SCROLL" is not one of BOOK, EBOOK, AUDIOBOOK, DVD, MUSIC, MAGAZINE, OTHER' },
      { externalId: 'r5', reason: 'isbns[0].isbn13: expected a compact ISBN-13, got "0-306-40615-2"' },
      { externalId: 'r6', reason: 'holdings[0].status: "LOANED" is not one of AVAILABLE, CHECKED_OUT, IN_TRANSIT, ON_HOLD, NOT_FOR_LOAN, LOST, MISSING, ON_ORDER, UNKNOWN' },
      { externalId: 'r7', reason: 'holdings: expected a list, got {"branchCode":"MAIN"}' },
      { externalId: 'r8', reason: 'links[0].url: expected text, got ["https://a.example"]' },
    ]);
  });

  it('accepts an error on the optional holdings (the remote ILS did not answer) and keeps the copies it sent', () => {
    const errors = [{ message: 'River Town ILS did not answer', path: ['catalogRecords', 'edges', 0, 'node', 'holdings'], code: 'PARTNER_UNAVAILABLE' }];
    const mapped = map(page([record()], errors));
    expect(mapped.acceptedErrors).toBe(1);
    expect(mapped.items[0].holdings.map((h) => h.status)).toEqual(['CHECKED_OUT']);
  });

  it('fails the page on an error on a required field (partial data would lose the record)', () => {
    const errors = [{ message: 'boom', path: ['catalogRecords', 'edges', 0, 'node', 'title'], code: null }];
    expect(() => map(page([record({ title: null })], errors)))
      .toThrow(new AdapterError(`${URL} answered with an error on title, which the mapping requires: boom (at catalogRecords.edges.0.node.title)`));
  });

  it('fails the page when the remote schema has no such field (an older Community Graph)', () => {
    const { summary: _dropped, ...older } = record();
    expect(() => map(page([older])))
      .toThrow(new AdapterError('items have no "summary" (mapped to summary): the query and the mapping\'s paths disagree'));
  });

  it('fails when the list itself is missing, naming the path', () => {
    expect(() => mapCatalogPage({ data: { catalog: {} }, errors: [] }, COMMUNITY_GRAPH_CATALOG, URL))
      .toThrow(new AdapterError('data has no "catalogRecords": the query and the mapping\'s paths disagree'));
  });
});

describe('the catalog part of the Community Graph preset', () => {
  it('is on by default, off with catalog: false, narrowed by a CatalogFilter, and absent for custom mappings', () => {
    expect(readGraphqlMapping({}).catalog).toMatchObject({ itemsPath: 'catalogRecords.edges.node', variables: { first: 100 } });
    expect(readGraphqlMapping({ pageSize: 25 }).catalog?.variables).toEqual({ first: 25 });
    expect(readGraphqlMapping({ catalog: false }).catalog).toBeNull();
    expect(readGraphqlMapping({ catalog: { formats: ['DVD'] } }).catalog?.variables).toEqual({ first: 100, filter: { formats: ['DVD'] } });
    expect(readGraphqlMapping({ query: '{ e { id t s } }', itemsPath: 'e', fields: { externalId: 'id', title: 't', startsAt: 's' } }).catalog).toBeNull();
  });

  it('refuses a catalog option that is neither a boolean nor a filter', () => {
    expect(() => readGraphqlMapping({ catalog: 'yes' }))
      .toThrow(new AdapterError('GRAPHQL source option catalog must be true, false or a CatalogFilter object, got "yes"'));
  });
});
