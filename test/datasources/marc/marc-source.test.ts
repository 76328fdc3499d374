import { AdapterError } from '../../../src/datasources/adapter';
import { createMarcSourceAdapter } from '../../../src/datasources/marc/marc.source';
import { marcSpec } from '../../support/catalog-fixtures';
import { startFakeServer } from '../../support/fake-http';
import { testHttpClient } from '../../support/http-client';
import { kohaBook } from '../../support/koha-record';
import { iso2709 } from '../../support/marc-writer';

describe('MARC source over HTTP', () => {
  it('sends the stored validators and reports 304 as not modified; fails clearly on an HTTP error', async () => {
    const r = kohaBook({ id: 'v1', title: 'Validated volume' });
    const body = iso2709(r.leader, r.fields);
    const server = await startFakeServer((req, res) => {
      if (req.url.pathname === '/gone.mrc') { res.statusCode = 404; res.end(); return; }
      if (req.headers['if-none-match'] === '"v1"') { res.statusCode = 304; res.end(); return; }
      res.setHeader('etag', '"v1"');
      res.setHeader('last-modified', 'Fri, 27 Nov 2026 06:00:00 GMT');
      res.end(body);
    });
    try {
      const adapter = createMarcSourceAdapter();
      const spec = marcSpec('p', `${server.url}/export.mrc`);
      const first = await adapter.pull(spec, testHttpClient());
      const items = [];
      for await (const item of first.items as AsyncIterable<unknown>) items.push(item);
      expect({ kind: first.kind, validators: first.validators, count: items.length, notModified: first.notModified })
        .toEqual({ kind: 'catalog', validators: { etag: '"v1"', lastModified: 'Fri, 27 Nov 2026 06:00:00 GMT' }, count: 1, notModified: false });
      const again = await adapter.pull({ ...spec, validators: first.validators }, testHttpClient());
      expect({ notModified: again.notModified, items: again.items }).toEqual({ notModified: true, items: [] });
      await expect(adapter.pull(marcSpec('p', `${server.url}/gone.mrc`), testHttpClient()))
        .rejects.toEqual(new AdapterError(`MARC source answered HTTP 404 for ${server.url}/gone.mrc`));
    } finally {
      await server.close();
    }
  });
});
