import { AdapterError, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { PartnerKind } from '../../../src/domain/enums';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { ServiceEntity } from '../../../src/model/service.entity';
import { ServicesSink } from '../../../src/features/listings/services.sink';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { testHttpClient } from '../../support/http-client';
import { LocalReply, LocalRequest, LocalServer, startLocalServer } from '../../support/local-http';

const ZONE = 'America/Chicago';
interface Listing { id: string; name: string; description: string; last_modified: string }

/** A tiny HSDA API whose listings the test edits between syncs; `lie` makes its envelope inconsistent. */
function hsda(listings: Listing[], state: { lie: boolean }) {
  return (req: LocalRequest): LocalReply => {
    if (req.path !== '/api/services') return { status: 404 };
    const after = req.query.get('modified_after');
    const rows = listings.filter((l) => !after || l.last_modified > after);
    const page = Number(req.query.get('page'));
    const contents = page === 1 ? rows.map((l) => ({ ...l, status: 'active', service_at_locations: [] })) : [];
    const totalPages = state.lie ? 4 : 1;
    return { body: { total_items: rows.length, total_pages: totalPages, page_number: page, size: 100, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents } };
  };
}

describeEachBackend('HSDS pull through the services sink', (backend) => {
  let graph: TestGraph;
  let server: LocalServer;
  const listings: Listing[] = [
    { id: 'a', name: 'Clothing Closet', description: 'Free coats.', last_modified: '2026-11-01T00:00:00Z' },
    { id: 'b', name: 'Tax Help', description: 'Free tax filing help.', last_modified: '2026-11-01T00:00:00Z' },
  ];
  const state = { lie: false };
  const sink = new ServicesSink();
  const spec = (lastSuccessAt: Date | null): SourceSpec => ({
    id: 'src-211', partnerId: 'p-211', format: SourceFormat.HSDS, url: `${server.url}/api`, partnerTimezone: ZONE,
    window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
    validators: { etag: null, lastModified: null }, lastSuccessAt, options: {},
  });
  const sync = async (lastSuccessAt: Date | null, now: Date) => {
    const pull = await hsdsSource.pull(spec(lastSuccessAt), testHttpClient());
    return sink.apply({ db: graph.db, source: { id: 'src-211', partnerId: 'p-211', partnerTimezone: ZONE }, now, incremental: pull.incremental, deletedExternalIds: pull.deletedExternalIds ?? [] },
      pull.items as NormalizedService[]);
  };
  const snapshot = async () => (await graph.db.getRepository(ServiceEntity).find({ order: { id: 'ASC' } }))
    .map((s) => [s.externalId, s.name, s.description, s.updatedAt.toISOString(), s.removedAt?.toISOString() ?? null]);

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    server = await startLocalServer(hsda(listings, state));
    await graph.db.getRepository(PartnerEntity).insert({ id: 'p-211', slug: 'county-211', name: 'County 211', kind: PartnerKind.NONPROFIT, website: null, timezone: ZONE, createdAt: new Date() });
  });
  afterAll(async () => { await server.close(); await graph.close(); });

  it('syncs fully first, then only what changed since the last success (modified_after)', async () => {
    expect(await sync(null, new Date('2026-11-20T00:00:00Z'))).toEqual({ created: 2, updated: 0, removed: 0, unchanged: 0 });
    listings[1] = { ...listings[1], description: 'Free tax filing help, February to April.', last_modified: '2026-11-25T00:00:00Z' };
    expect(await sync(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-26T00:00:00Z'))).toEqual({ created: 0, updated: 1, removed: 0, unchanged: 0 });
    expect(server.requests.at(-1)!.query.get('modified_after')).toBe('2026-11-20T00:00:00.000Z');
    const names = await graph.execute('{ services { totalCount edges { node { name description } } } }');
    expect(names.data!.services.edges.map((e: any) => e.node.description)).toEqual(['Free coats.', 'Free tax filing help, February to April.']);
  });

  it('leaves stored listings untouched when the API envelope lies about total_pages', async () => {
    const before = await snapshot();
    state.lie = true;
    try {
      await expect(sync(null, new Date('2026-11-27T00:00:00Z'))).rejects.toThrow(AdapterError);
    } finally {
      state.lie = false;
    }
    expect(await snapshot()).toEqual(before);
  });
});
