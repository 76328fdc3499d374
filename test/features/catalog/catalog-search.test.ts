import { toGlobalId } from '../../../src/domain/global-id';
import { describeEachBackend } from '../../support/backends';
import { createLibrary, marcSpec, syncMarc } from '../../support/catalog-fixtures';
import { startFakeServer, FakeServer } from '../../support/fake-http';
import { createTestGraph, TestGraph } from '../../support/graph';
import { testHttpClient } from '../../support/http-client';
import { kohaBook } from '../../support/koha-record';
import { iso2709 } from '../../support/marc-writer';

const book = (o: Parameters<typeof kohaBook>[0]) => { const r = kohaBook(o); return iso2709(r.leader, r.fields); };

const SEARCH = `query($q: String!, $filter: CatalogFilter, $first: Int, $after: String) {
  catalog(query: $q, filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title authors isbns format language } } pageInfo { hasNextPage endCursor }
  }
}`;

/** The same cases run on SQLite FTS5 and PostgreSQL tsvector: the engines must agree. */
describeEachBackend('catalog search (full text)', (backend) => {
  let graph: TestGraph;
  let server: FakeServer;
  let millbrook: string;
  let riverton: string;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    millbrook = (await createLibrary(graph.db, 'millbrook', ['CEN'])).id;
    riverton = (await createLibrary(graph.db, 'riverton', ['MAIN'])).id;
    const files: Record<string, Buffer> = {
      '/millbrook.mrc': Buffer.concat([
        book({ id: 'm1', title: 'The Wild Robot', isbn: '978-0-316-38199-4', author: 'Brown, Peter', subjects: ['Robots', 'Survival'], series: 'Wild Robot', items: [{ branch: 'CEN', barcode: 'a1' }] }),
        book({ id: 'm2', title: 'Robots and empire', author: 'Asimov, Isaac', subjects: ['Science fiction'], items: [{ branch: 'CEN', barcode: 'a2', due: '2026-12-01' }] }),
        book({ id: 'm3', title: 'Garden robots for beginners', author: 'Smith, Ann', subjects: ['Gardening'], language: 'spa', items: [] }),
        book({ id: 'm4', title: 'Café Müller stories', author: 'Łukasz, Żółć', subjects: ['Coffee'], items: [{ branch: 'CEN', barcode: 'a4' }] }),
        book({ id: 'm5', title: 'Robot dreams', author: 'Varon, Sara', type: 'g', items: [{ branch: 'CEN', barcode: 'a5' }] }),
      ]),
      '/riverton.mrc': book({ id: 'r1', title: 'The wild robot escapes', isbn: '0316479276', author: 'Brown, Peter', items: [{ branch: 'MAIN', barcode: 'b1' }] }),
    };
    server = await startFakeServer((req, res) => { res.end(files[req.url.pathname]); });
    await syncMarc(graph.db, testHttpClient(), marcSpec(millbrook, `${server.url}/millbrook.mrc`));
    await syncMarc(graph.db, testHttpClient(), marcSpec(riverton, `${server.url}/riverton.mrc`));
  });
  afterAll(async () => { await server.close(); await graph.close(); });

  const titles = async (q: string, filter?: Record<string, unknown>) => {
    const result = await graph.execute(SEARCH, { q, filter, first: 20 });
    expect(result.errors).toBeUndefined();
    return result.data!.catalog.edges.map((e: { node: { title: string } }) => e.node.title);
  };

  it('ranks a title match above matches in subjects only', async () => {
    const found = await titles('robots');
    expect(found.slice(0, 2).sort()).toEqual(['Garden robots for beginners', 'Robots and empire']);
    expect(found[2]).toBe('The Wild Robot'); // via its subject "Robots" only
    expect(found).toHaveLength(3);
  });

  it('finds by author, series and subject words, every word required, the last as a prefix', async () => {
    expect(await titles('asimov')).toEqual(['Robots and empire']);
    expect((await titles('brown wild')).sort()).toEqual(['The Wild Robot', 'The wild robot escapes']);
    expect(await titles('gardening')).toEqual(['Garden robots for beginners']);
    expect(await titles('robot dre')).toEqual(['Robot dreams']);
    expect(await titles('asimov gardening')).toEqual([]);
  });

  it('ignores diacritics and case on both sides', async () => {
    expect(await titles('cafe muller')).toEqual(['Café Müller stories']);
    expect(await titles('CAFÉ MÜLLER')).toEqual(['Café Müller stories']);
    expect(await titles('zolc')).toEqual(['Café Müller stories']);
  });

  it('finds a record by ISBN whatever the hyphens or ISBN-10/13 form', async () => {
    for (const q of ['9780316381994', '978-0-316-38199-4', '0316381993', '0-316-38199-3', 'ISBN 978 0 316 38199 4']) {
      expect({ q, found: await titles(q) }).toEqual({ q, found: ['The Wild Robot'] });
    }
    expect(await titles('978-0-316-47927-1')).toEqual(['The wild robot escapes']);
  });

  it('filters by format, language, library and availableNow', async () => {
    expect(await titles('robot', { formats: ['DVD'] })).toEqual(['Robot dreams']);
    expect(await titles('robots', { languages: ['SPA'] })).toEqual(['Garden robots for beginners']);
    expect(await titles('wild', { libraryIds: [toGlobalId('Partner', riverton)] })).toEqual(['The wild robot escapes']);
    const available = await titles('robots', { availableNow: true });
    expect(available).toContain('The Wild Robot');
    expect(available).not.toContain('Robots and empire'); // its only copy is checked out
    expect(available).not.toContain('Garden robots for beginners'); // no copies
  });

  it('pages through the ranking with cursors and counts all matches', async () => {
    const first = await graph.execute(SEARCH, { q: 'robot', first: 2 });
    expect(first.data!.catalog.totalCount).toBe(5); // the last word is a prefix: robot, robots
    const seen = first.data!.catalog.edges.map((e: { node: { title: string } }) => e.node.title);
    let after = first.data!.catalog.pageInfo.endCursor;
    for (let page = 0; page < 5 && after; page++) {
      const next = await graph.execute(SEARCH, { q: 'robot', first: 2, after });
      seen.push(...next.data!.catalog.edges.map((e: { node: { title: string } }) => e.node.title));
      after = next.data!.catalog.pageInfo.hasNextPage ? next.data!.catalog.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.data!.catalog.totalCount);
  });

  it('rejects a query with no words and a foreign cursor, naming the argument', async () => {
    const empty = await graph.execute(SEARCH, { q: ' -- ' });
    expect(empty.errors![0]).toMatchObject({ message: 'Invalid value for argument "query": " -- ". Expected at least one letter or digit.', extensions: { code: 'BAD_USER_INPUT', argument: 'query' } });
    const cursor = await graph.execute(SEARCH, { q: 'robot', after: 'bm9wZQ' });
    expect(cursor.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    const language = await graph.execute(SEARCH, { q: 'robot', filter: { languages: ['english'] } });
    expect(language.errors![0]).toMatchObject({ message: 'Invalid value for argument "filter.languages": "english". Expected three-letter MARC language codes such as "eng".', extensions: { code: 'BAD_USER_INPUT' } });
    const library = await graph.execute(SEARCH, { q: 'robot', filter: { libraryIds: [toGlobalId('Event', 'x')] } });
    expect(library.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.libraryIds' });
    const size = await graph.execute(SEARCH, { q: 'robot', first: 101 });
    expect(size.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  const LIST = `query($filter: CatalogFilter, $first: Int, $after: String) {
    catalogRecords(filter: $filter, first: $first, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } }
  }`;
  const listAll = async (filter?: Record<string, unknown>) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await graph.execute(LIST, { filter, first: 2, after });
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = result.data!.catalogRecords;
      seen.push(...edges.map((e: { node: { title: string } }) => e.node.title));
      if (!pageInfo.hasNextPage) return { seen, totalCount };
      after = pageInfo.endCursor;
    }
    throw new Error('catalogRecords never reached its last page');
  };

  it('lists every live record page by page for harvesters (catalogRecords), filtered like search', async () => {
    const all = await listAll();
    expect(all.seen.sort()).toEqual(['Café Müller stories', 'Garden robots for beginners', 'Robot dreams', 'Robots and empire', 'The Wild Robot', 'The wild robot escapes']);
    expect(all.totalCount).toBe(6);
    expect((await listAll({ formats: ['DVD'] })).seen).toEqual(['Robot dreams']);
    expect(await listAll({ libraryIds: [toGlobalId('Partner', riverton)] })).toEqual({ seen: ['The wild robot escapes'], totalCount: 1 });
    const available = (await listAll({ availableNow: true })).seen;
    expect(available).toContain('The Wild Robot');
    expect(available).not.toContain('Robots and empire');

    // Removed records are not listed.
    await graph.db.query(`UPDATE catalog_record SET "removedAt" = '2026-01-01T00:00:00.000Z' WHERE "controlNumber" = 'm2'`);
    expect((await listAll()).seen).not.toContain('Robots and empire');
    await graph.db.query(`UPDATE catalog_record SET "removedAt" = NULL WHERE "controlNumber" = 'm2'`);

    const search = await graph.execute(SEARCH, { q: 'robot', first: 1 });
    const foreign = await graph.execute(LIST, { after: search.data!.catalog.pageInfo.endCursor });
    expect(foreign.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    const size = await graph.execute(LIST, { first: 101 });
    expect(size.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('serves record(id) and node(id), and hides a deleted record', async () => {
    const hit = await graph.execute(SEARCH, { q: 'asimov' });
    const id = hit.data!.catalog.edges[0].node.id;
    const one = await graph.execute('query($id: ID!) { record(id: $id) { title library { slug } } node(id: $id) { ... on CatalogRecord { controlNumber } } }', { id });
    expect(one.data).toEqual({ record: { title: 'Robots and empire', library: { slug: 'millbrook' } }, node: { controlNumber: 'm2' } });
    await graph.db.query(`UPDATE catalog_record SET "removedAt" = '2026-01-01T00:00:00.000Z' WHERE "controlNumber" = 'm2'`);
    const gone = await graph.execute('query($id: ID!) { record(id: $id) { title } node(id: $id) { id } }', { id });
    expect(gone).toEqual({ data: { record: null, node: null } });
    await graph.db.query(`UPDATE catalog_record SET "removedAt" = NULL WHERE "controlNumber" = 'm2'`);
  });
});
