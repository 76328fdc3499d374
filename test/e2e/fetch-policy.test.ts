import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withAdminContext } from '../../src/cli/cli-context';
import { loadConfig } from '../../src/config';
import { SourceFormat } from '../../src/datasources/adapter';
import { createUrlPolicy, Lookup } from '../../src/datasources/shared/url-policy';
import { PartnerKind } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { SourceEntity } from '../../src/model/source.entity';
import { staticIlsDirectory } from '../../src/features/catalog/availability.service';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../support/backends';
import { createLibrary, marcSpec, syncMarc } from '../support/catalog-fixtures';
import { runCli } from '../support/cli';
import { FakeServer, startFakeServer } from '../support/fake-http';
import { FakeIls, startFakeIlsDi } from '../support/fake-ils';
import { createTestGraph } from '../support/graph';
import { testHttpClient } from '../support/http-client';
import { kohaBook } from '../support/koha-record';
import { iso2709 } from '../support/marc-writer';

/**
 * The attack of issue 22: a partner adds a source for itself whose URL (loopback, private, a redirect
 * to file:, a file outside SOURCE_FILE_ROOTS) the server refuses, then waits for an operator to run
 * `community-graph sync`, and reads Source.lastError. Every entry point fetches under one policy, and
 * no error quotes what was fetched or a URL's credentials.
 */
describeEachBackend('one fetch policy on every entry point', (backend) => {
  let database: TestDatabase;
  let secretDir: string;
  let secretFile: string;
  let partnerSite: FakeServer;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-secret-'));
    secretFile = path.join(secretDir, 'passwd');
    fs.writeFileSync(secretFile, 'root:x:0:0:root:/root:/bin/bash\n');
    partnerSite = await startFakeServer((req, res) => {
      if (req.url.pathname === '/to-file.ics') {
        res.writeHead(302, { location: pathToFileURL(secretFile).href }).end();
        return;
      }
      res.setHeader('content-type', 'text/plain');
      res.end('SECRET-INTERNAL-PAGE\n');
    });
  });
  afterAll(async () => {
    await partnerSite.close();
    fs.rmSync(secretDir, { recursive: true, force: true });
    await database.drop();
  });

  /** What the operator's CLI stores after syncing one URL, with the CLI's own composition. */
  async function syncThroughCliServices(env: Record<string, string>, url: string) {
    const config = loadConfig({ DATABASE_URL: database.url, SYNC_RETRIES: '0', ...env });
    return withAdminContext(config, async (ctx, services, db) => {
      const slug = `partner-${Math.random().toString(36).slice(2, 10)}`;
      const partner = await services.sources.addPartner(ctx, { slug, name: 'Eastside', kind: PartnerKind.SCHOOL, timezone: 'America/Chicago' });
      const source = await services.sources.addSource(ctx, { partnerId: toGlobalId('Partner', partner.id), format: SourceFormat.ICALENDAR, url }, { allowFileUrls: true });
      const report = await services.sources.syncSource(ctx, toGlobalId('Source', source.id));
      const stored = await db.getRepository(SourceEntity).findOneByOrFail({ id: source.id });
      return { report, lastError: stored.lastError ?? '' };
    });
  }

  it('refuses a loopback URL unless SOURCE_ALLOW_HOSTS allows it, and never quotes the page', async () => {
    const refused = await syncThroughCliServices({}, `${partnerSite.url}/internal`);
    expect(refused.report.status).toBe('FAILED');
    expect(refused.lastError).toMatch(/\(rule: private-address\)/);
    expect(partnerSite.requests.filter((r) => r.url === '/internal')).toHaveLength(0);

    const allowed = await syncThroughCliServices({ SOURCE_ALLOW_HOSTS: '127.0.0.1' }, `${partnerSite.url}/internal`);
    expect(allowed.report.status).toBe('FAILED');
    expect(allowed.lastError).toBe('Not an iCalendar feed: line 1 is not BEGIN:VCALENDAR.');
    expect(allowed.lastError).not.toContain('SECRET');
  });

  it('refuses a file: URL outside SOURCE_FILE_ROOTS', async () => {
    const { report, lastError } = await syncThroughCliServices({}, pathToFileURL(secretFile).href);
    expect(report.status).toBe('FAILED');
    expect(lastError).toMatch(/\(rule: file-outside-roots\)/);
    expect(lastError).not.toContain('root:x');
  });

  it('refuses a redirect from the network to file:, even to a directory SOURCE_FILE_ROOTS allows', async () => {
    const { report, lastError } = await syncThroughCliServices({ SOURCE_ALLOW_HOSTS: '127.0.0.1', SOURCE_FILE_ROOTS: secretDir }, `${partnerSite.url}/to-file.ics`);
    expect(report.status).toBe('FAILED');
    expect(lastError).toMatch(/only http: and https: redirects are followed \(rule: scheme\)/);
    expect(lastError).not.toContain('root:x');
  });

  it('refuses credentials in a URL and never stores them', async () => {
    const url = `${partnerSite.url.replace('http://', 'http://alice:hunter2@')}/feed.ics`;
    const { report, lastError } = await syncThroughCliServices({ SOURCE_ALLOW_HOSTS: '127.0.0.1' }, url);
    expect(report.status).toBe('FAILED');
    expect(lastError).toMatch(/\(rule: credentials\)/);
    expect(lastError).not.toContain('hunter2');
    expect(lastError).not.toContain('alice');
  });

  it('applies the same refusals through the real `community-graph sync` command', async () => {
    const env = { DATABASE_URL: database.url, SYNC_RETRIES: '0' };
    await runCli(['partners', 'add', '--slug', 'cli-attacked', '--name', 'Attacked', '--kind', 'nonprofit', '--timezone', 'America/Chicago'], env);
    const added = await runCli(['sources', 'add', '--partner', 'cli-attacked', '--format', 'ICALENDAR', '--url', `${partnerSite.url}/to-file.ics`], env);
    const sourceId = /Added source (\S+) /.exec(added.stdout)![1];
    const sync = await runCli(['sync', '--source', sourceId], env);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/FAILED: Refusing to fetch http:\/\/127\.0\.0\.1:\d+\/to-file\.ics: .*\(rule: private-address\)/);
    expect(`${sync.stdout}${sync.stderr}`).not.toContain('root:x');
  });
});

describeEachBackend('the live ILS client has the DNS-rebinding guard of the sync client', (backend) => {
  let ils: FakeIls;
  let files: FakeServer;
  beforeAll(async () => {
    ils = await startFakeIlsDi();
    const record = kohaBook({ id: 'k1', title: 'Rebinding tales', items: [{ branch: 'CEN', barcode: 'b1', itemnumber: 'i1' }] });
    const body = iso2709(record.leader, record.fields);
    files = await startFakeServer((_req, res) => void res.end(body));
    ils.items.set('k1', [{ id: 'i1', status: 'available' }]);
  });
  afterAll(async () => {
    await Promise.all([ils.close(), files.close()]);
  });

  it('refuses to connect when the name that passed the check resolves to loopback at connect time', async () => {
    // `localhost` first answers a public address (the check passes), then 127.0.0.1 when the socket
    // connects. Without the connect-time guard the system resolver would reach the fake ILS.
    let lookups = 0;
    const rebinding: Lookup = async () => (lookups++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const urlPolicy = createUrlPolicy({ allowHosts: [], fileRoots: [], maxRedirects: 5, lookup: rebinding });
    const ilsUrl = `${ils.url.replace('127.0.0.1', 'localhost')}/cgi-bin/koha/ilsdi.pl`;
    const directoryRef = { current: staticIlsDirectory([]) };
    const directory = { endpointsFor: (ids: string[]) => directoryRef.current.endpointsFor(ids) };
    // No `http` given: the services' own ILS client is the one under test.
    const graph = await createTestGraph(backend, { services: { urlPolicy, availability: { directory, cacheMs: 0, timeoutMs: 2_000, breakerResetMs: 60_000 } } });
    try {
      const library = await createLibrary(graph.db, 'rebind-town', ['CEN']);
      await syncMarc(graph.db, testHttpClient(), marcSpec(library.id, `${files.url}/koha.mrc`));
      directoryRef.current = staticIlsDirectory([{ partnerId: library.id, protocol: 'ILSDI', url: ilsUrl }]);
      const { data } = await graph.execute('{ catalog(query: "Rebinding") { edges { node { holdings { live stale } } } } }');
      expect(data!.catalog.edges[0].node.holdings[0]).toEqual({ live: false, stale: true });
      expect(lookups).toBeGreaterThanOrEqual(2);
      expect(ils.requests).toHaveLength(0);
    } finally {
      await graph.close();
    }
  });
});
