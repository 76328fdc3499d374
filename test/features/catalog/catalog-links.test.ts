import { AttendanceMode, EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { stableId } from '../../../src/domain/ids';
import { EventEntity } from '../../../src/model/event.entity';
import { describeEachBackend } from '../../support/backends';
import { createLibrary, marcSpec, syncMarc } from '../../support/catalog-fixtures';
import { startFakeServer, FakeServer } from '../../support/fake-http';
import { createTestGraph, TestGraph } from '../../support/graph';
import { testHttpClient } from '../../support/http-client';
import { kohaBook } from '../../support/koha-record';
import { iso2709 } from '../../support/marc-writer';

const book = (o: Parameters<typeof kohaBook>[0]) => { const r = kohaBook(o); return iso2709(r.leader, r.fields); };

describeEachBackend('catalog links: interlibrary clusters and related events', (backend) => {
  let graph: TestGraph;
  let server: FakeServer;
  let millbrook: string;
  /** The id of Millbrook's record matching q. */
  const recordId = async (q: string) => (await graph.execute(
    'query($q: String!, $lib: [ID!]) { catalog(query: $q, first: 1, filter: { libraryIds: $lib }) { edges { node { id } } } }',
    { q, lib: [toGlobalId('Partner', millbrook)] },
  )).data!.catalog.edges[0].node.id;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    millbrook = (await createLibrary(graph.db, 'millbrook', ['CEN'])).id;
    const riverton = (await createLibrary(graph.db, 'riverton', ['MAIN', 'WEST'])).id;
    const files: Record<string, Buffer> = {
      '/m.mrc': Buffer.concat([
        book({ id: 'm1', title: 'The Wild Robot', isbn: '978-0-316-38199-4', subjects: ['Robots'], items: [{ branch: 'CEN', barcode: 'm1a' }] }),
        book({ id: 'm2', title: 'Lock and dam engineering', oclc: 'ocm00777', subjects: ['Gardening -- Handbooks'], items: [] }),
        book({ id: 'm3', title: 'Rivers we remember', items: [] }),
        book({ id: 'm4', title: 'Wonder', isbn: '9780375869020', items: [] }),
        ...Array.from({ length: 10 }, (_, i) => book({ id: `mx${i}`, title: `Filler volume ${i}`, subjects: ['Robots'], items: [{ branch: 'CEN', barcode: `mx${i}` }] })),
      ]),
      '/r.mrc': Buffer.concat([
        book({ id: 'r1', title: 'Wild robot (large print)', isbn: '0316381993', items: [{ branch: 'MAIN', barcode: 'r1a' }, { branch: 'WEST', barcode: 'r1b', due: '2026-12-30' }] }),
        book({ id: 'r2', title: 'Lock & dam engineering', oclc: '777', items: [{ branch: 'MAIN', barcode: 'r2a' }] }),
        book({ id: 'r3', title: 'Unrelated almanac', isbn: '9781416936473', items: [{ branch: 'MAIN', barcode: 'r3a' }] }),
      ]),
    };
    server = await startFakeServer((req, res) => { res.end(files[req.url.pathname]); });
    await syncMarc(graph.db, testHttpClient(), marcSpec(millbrook, `${server.url}/m.mrc`));
    await syncMarc(graph.db, testHttpClient(), marcSpec(riverton, `${server.url}/r.mrc`));

    const now = Date.now();
    const event = (key: string, title: string, description: string | null, categories: string[], inDays = 3) => graph.db.getRepository(EventEntity).create({
      id: stableId('test-event', key), partnerId: millbrook, seriesId: null, title, description,
      startsAt: new Date(now + inDays * 86_400_000), endsAt: new Date(now + inDays * 86_400_000 + 3_600_000), timezone: 'America/Chicago', allDay: false,
      startDate: null, endDate: null, status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE, audiences: [], rawAudiences: [], categories,
      url: null, imageUrl: null, locationId: null, registrationMode: RegistrationMode.NONE, registrationUrl: null, capacity: null,
      sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, createdAt: new Date(now), updatedAt: new Date(now),
    });
    await graph.db.getRepository(EventEntity).insert([
      event('club', 'Book Club: The Wild Robot', 'We discuss the novel. Also try ISBN 978-0-375-86902-0 if you liked it.', ['Book club']),
      event('talk', 'Author Talk', 'The historian presents “Rivers We Remember” with a signing.', ['History']),
      event('garden', 'Seed swap', 'Bring seeds.', ['gardening']),
      event('wonder', 'Wonder walk', 'A wonder-ful walk in the park.', ['Outdoors']),
      event('past', 'Book Club: The Wild Robot (last year)', null, [], -400),
    ]);
  });
  afterAll(async () => { await server.close(); await graph.close(); });

  it('otherHoldings shows copies of the same ISBN (any form) or OCLC number at the other libraries, with their branches', async () => {
    const result = await graph.execute('query($id: ID!) { record(id: $id) { title holdings { library { slug } } otherHoldings { library { slug } location { name } status } } }', { id: await recordId('9780316381994') });
    expect(result.data!.record).toEqual({
      title: 'The Wild Robot',
      holdings: [{ library: { slug: 'millbrook' } }],
      otherHoldings: [
        { library: { slug: 'riverton' }, location: { name: 'MAIN branch' }, status: 'AVAILABLE' },
        { library: { slug: 'riverton' }, location: { name: 'WEST branch' }, status: 'CHECKED_OUT' },
      ],
    });
    const oclc = await graph.execute('query($id: ID!) { record(id: $id) { otherHoldings { library { slug } } } }', { id: await recordId('lock dam engineering') });
    expect(oclc.data!.record.otherHoldings).toEqual([{ library: { slug: 'riverton' } }]);
    const alone = await graph.execute('query($id: ID!) { record(id: $id) { otherHoldings { status } } }', { id: await recordId('rivers remember') });
    expect(alone.data!.record.otherHoldings).toEqual([]);
  });

  it('costs the same number of SQL statements for a page of 2 or 8 records with holdings, otherHoldings and relatedEvents', async () => {
    const query = 'query($n: Int) { catalog(query: "filler", first: $n) { edges { node { title holdings { status location { name } } otherHoldings { library { name } location { name } } relatedEvents { title } } } } }';
    const page = (n: number) => graph.sql.measure(() => graph.execute(query, { n }));
    const small = await page(2);
    const large = await page(8);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.catalog.edges.length).toBeGreaterThan(small.result.data!.catalog.edges.length);
    expect(large.statements).toBe(small.statements);
  });

  it('Event.relatedRecords: titles named in the event title or in quotes, ISBNs in the text, categories matching subjects; best evidence first', async () => {
    const result = await graph.execute('{ events(first: 10) { edges { node { title relatedRecords { title library { slug } } } } } }');
    const related = Object.fromEntries(result.data!.events.edges.map((e: any) => [e.node.title, e.node.relatedRecords.map((r: any) => `${r.title}@${r.library.slug}`)]));
    expect(related).toEqual({
      'Book Club: The Wild Robot': ['Wonder@millbrook', 'The Wild Robot@millbrook'],
      'Author Talk': ['Rivers we remember@millbrook'],
      'Seed swap': ['Lock and dam engineering@millbrook'],
      'Wonder walk': [],
    });
  });

  it('CatalogRecord.relatedEvents: upcoming events only, by the same rule', async () => {
    const wild = await graph.execute('query($id: ID!) { record(id: $id) { relatedEvents { title } } }', { id: await recordId('9780316381994') });
    expect(wild.data!.record.relatedEvents).toEqual([{ title: 'Book Club: The Wild Robot' }]);
    const lock = await graph.execute('query($id: ID!) { record(id: $id) { relatedEvents { title } } }', { id: await recordId('lock dam engineering') });
    expect(lock.data!.record.relatedEvents).toEqual([{ title: 'Seed swap' }]);
  });
});
