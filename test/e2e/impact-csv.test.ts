import { parse } from 'csv-parse/sync';
import { ApiKeyRole, Audience } from '../../src/domain/enums';
import { ApiKeyService } from '../../src/features/partners/api-key.service';
import { LocationEntity } from '../../src/model/location.entity';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const IMPACT = `query($from: DateTime!, $to: DateTime!, $groupBy: [ImpactDimension!]) {
  impact(from: $from, to: $to, groupBy: $groupBy) {
    totals { occurrences confirmed attended seats fillRate noShowRate }
    groups { partner { name } month branch { name } figures { occurrences confirmed attended seats fillRate noShowRate } }
  }
}`;

const hour = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });

/** The impact report as a spreadsheet: read back with csv-parse, it says what the GraphQL report says. */
describe('/reports/impact.csv', () => {
  let server: TestServer;
  let admin: string;
  let library: Awaited<ReturnType<typeof createPartner>>;
  let museum: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: false });
    const db = server.app.db;
    library = await createPartner(db, 'csv-library');
    museum = await createPartner(db, 'csv-museum');
    admin = `Bearer ${(await new ApiKeyService(db).create({ role: ApiKeyRole.ADMIN, label: 'csv admin' })).secret}`;
    await db.getRepository(LocationEntity).insert({ id: 'csv-branch', partnerId: library.partner.id, code: 'N', name: 'North, "old" branch', address: null, lat: null, lon: null, accessibility: null });
    await insertNativeEvent(db, library.partner.id, { title: 'Storytime', ...hour('2026-03-03T15:00:00Z'), capacity: 10, confirmedCount: 8, attendedCount: 6, locationId: 'csv-branch', audiences: [Audience.KIDS] });
    await insertNativeEvent(db, library.partner.id, { title: '=HYPERLINK("http://evil.example")', seriesId: 'evil', ...hour('2026-04-07T15:00:00Z'), capacity: 12, confirmedCount: 3, categories: ['+sum'] });
    await insertNativeEvent(db, museum.partner.id, { title: 'Workshop', ...hour('2026-03-20T16:00:00Z'), capacity: 12, confirmedCount: 9, attendedCount: 9 });
  });
  afterAll(() => server?.close());

  const download = (query: string, key: string | null = admin) =>
    fetch(`${server.app.url}/reports/impact.csv?${query}`, { headers: key ? { authorization: key } : {} });
  const rowsOf = async (response: Response) => parse(await response.text(), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

  it('answers the same figures as the GraphQL report, totals first, names instead of ids', async () => {
    const response = await download('from=2026-03-01&to=2026-04-30&groupBy=PARTNER,MONTH,BRANCH');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="impact-2026-03-01-2026-05-01.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = await rowsOf(response);

    const graph = await server.post({ query: IMPACT, variables: { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z', groupBy: ['PARTNER', 'MONTH', 'BRANCH'] } }, { authorization: admin });
    const { totals, groups } = graph.json.data.impact;
    const asCells = (f: Record<string, number | null>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === null ? '' : String(v)]));
    expect(rows[0]).toMatchObject({ partner: 'all', month: 'all', branch: 'all', ...asCells(totals) });
    expect(rows.slice(1).map((r) => [r.partner, r.month, r.branch])).toEqual(groups.map((g: any) => [g.partner.name, g.month, g.branch?.name ?? '']));
    rows.slice(1).forEach((row, i) => expect(row).toMatchObject(asCells(groups[i].figures)));
    // By hand: three occurrences, 20 confirmed of 34 seats, 15 came.
    expect(rows[0]).toMatchObject({ occurrences: '3', confirmed: '20', seats: '34', attended: '15' });
    expect(rows.find((r) => r.branch === 'North, "old" branch')).toMatchObject({ partner: 'Partner csv-library', month: '2026-03', occurrences: '1' });
  });

  it('keeps a partner\'s text from running as a spreadsheet formula', async () => {
    const rows = await rowsOf(await download('from=2026-04-01&to=2026-04-30&groupBy=SERIES,CATEGORY'));
    expect(rows[1]).toMatchObject({ program: '\'=HYPERLINK("http://evil.example")', category: '\'+sum', confirmed: '3' });
  });

  it('is for staff: no key is 401, another partner\'s is 403, a mistake in the URL is 400 naming it', async () => {
    expect((await download('from=2026-03-01&to=2026-04-30', null)).status).toBe(401);
    const forbidden = await download('from=2026-03-01&to=2026-04-30&partner=csv-museum', library.key);
    expect([forbidden.status, forbidden.headers.get('content-type')]).toEqual([403, 'text/plain; charset=utf-8']);
    const own = await rowsOf(await download('from=2026-03-01&to=2026-04-30', museum.key));
    expect(own.map((r) => r.occurrences)).toEqual(['1']);
    for (const [query, named] of [['from=2026-03-01&to=2026-04-30&groupBy=COLOUR', 'groupBy'], ['from=March&to=2026-04-30', 'from'], ['from=2026-03-01', 'to'],
      ['from=2026-03-01&to=2026-04-30&page=2', 'page'], ['from=2026-03-01&to=2026-04-30&partner=nobody', 'partner']]) {
      const answer = await download(query);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(await answer.text()).toContain(`"${named}"`);
    }
  });
});
