import { SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { jsonLdSource } from '../../../src/datasources/jsonld/jsonld.source';
import { museumEventsPage } from '../../../demo/feeds/museum-jsonld';
import { testHttpClient } from '../../support/http-client';
import { LocalReply, LocalServer, startLocalServer } from '../../support/local-http';

const now = new Date('2026-11-27T15:00:00Z');
const spec = (url: string, validators = { etag: null as string | null, lastModified: null as string | null }): SourceSpec => ({
  id: 'src-museum', partnerId: 'p-museum', format: SourceFormat.JSONLD, url, partnerTimezone: 'America/Chicago',
  window: { from: now, to: new Date(now.getTime() + 56 * 864e5) }, validators, lastSuccessAt: null, options: {},
});

describe('JSON-LD source against a museum site on 127.0.0.1', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer((req): LocalReply => {
      if (req.path === '/whats-on') {
        if (req.headers['if-none-match'] === '"page-v1"') return { status: 304 };
        return { body: museumEventsPage(now), headers: { 'content-type': 'text/html; charset=utf-8', etag: '"page-v1"' } };
      }
      if (req.path === '/broken.jsonld') return { body: '{"@type": "Event", "name": ', headers: { 'content-type': 'application/ld+json' } };
      return { status: 404, body: 'not found' };
    });
  });
  afterAll(() => server.close());

  it('reads the HTML page, returns its events and validators, then answers notModified to a conditional GET', async () => {
    const first = await jsonLdSource.pull(spec(`${server.url}/whats-on`), testHttpClient());
    expect(first).toMatchObject({ notModified: false, kind: 'events', skipped: [], validators: { etag: '"page-v1"' } });
    expect((first.items as unknown[]).length).toBe(10); // exhibition, 8 gallery walks, the talk
    const again = await jsonLdSource.pull(spec(`${server.url}/whats-on`, first.validators), testHttpClient());
    expect(again).toMatchObject({ notModified: true, items: [] });
  });

  it('fails with the URL and status on an HTTP error, and with the parse error on malformed JSON-LD', async () => {
    await expect(jsonLdSource.pull(spec(`${server.url}/gone`), testHttpClient())).rejects.toThrow(`GET ${server.url}/gone answered HTTP 404; expected 200 with JSON-LD or HTML.`);
    await expect(jsonLdSource.pull(spec(`${server.url}/broken.jsonld`), testHttpClient())).rejects.toThrow(/^The JSON-LD document is not valid JSON: /);
  });
});

describe('JSON-LD source: answers that are neither an error nor a page', () => {
  let server: LocalServer;
  beforeAll(async () => { server = await startLocalServer((req) => ({ status: req.path === '/choices' ? 300 : 204 })); });
  afterAll(() => server.close());

  it('fails a 3xx without a Location, naming the URL and status', async () => {
    await expect(jsonLdSource.pull(spec(`${server.url}/choices`), testHttpClient())).rejects.toThrow(`GET ${server.url}/choices answered HTTP 300; expected 200 with JSON-LD or HTML.`);
  });
});
