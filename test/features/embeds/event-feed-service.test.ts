import { seedDemo } from '../../../demo/seed';
import { createContext } from '../../../src/context';
import { parseFeedQuery } from '../../../src/features/embeds/feed-query';
import { EventService } from '../../../src/features/events/event.service';
import { EventFeedService } from '../../../src/features/embeds/event-feed.service';
import { createLogger } from '../../../src/logger';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

describeEachBackend('EventFeedService', (backend) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db);
  });
  afterAll(() => graph.close());

  const list = async (query: Record<string, string>) => {
    const ctx = await createContext({ db: graph.db, apiKeys: graph.services.apiKeys, logger: createLogger('silent') });
    return graph.sql.measure(() => graph.services.eventFeeds.list(ctx, parseFeedQuery(query, { defaultLimit: 50, maxLimit: 1000 })));
  };

  it('costs the same few statements for 5 or 60 events: one page, one partner batch, one location batch', async () => {
    const five = await list({ limit: '5' });
    const sixty = await list({ limit: '60' });
    expect(five.result.items).toHaveLength(5);
    expect(sixty.result.items).toHaveLength(60);
    expect(five.statements).toBe(3);
    expect(sixty.statements).toBe(3);
    // Every event's location arrives from the batch; only the library's all-branch closure (LibCal) has none.
    expect(sixty.result.items.every((i) => i.partner && (i.location?.id ?? null) === i.event.locationId)).toBe(true);
    expect(sixty.result.items.filter((i) => !i.location && i.event.title !== 'Library Closed: Winter Holiday')).toEqual([]);
  });

  it('pages through EventService when the limit exceeds a page, in order, without duplicates', async () => {
    const ctx = await createContext({ db: graph.db, apiKeys: graph.services.apiKeys, logger: createLogger('silent') });
    const query = parseFeedQuery({ limit: '1000' }, { defaultLimit: 50, maxLimit: 1000 });
    const whole = await graph.services.eventFeeds.list(ctx, query);
    const fresh = await createContext({ db: graph.db, apiKeys: graph.services.apiKeys, logger: createLogger('silent') });
    const paged = await graph.sql.measure(() => new EventFeedService(new EventService(graph.db, 7), graph.services.partners).list(fresh, query));
    expect(whole.items.length).toBeGreaterThan(60);
    expect(paged.result.items.map((i) => i.event.id)).toEqual(whole.items.map((i) => i.event.id));
    expect(paged.statements).toBe(Math.ceil(whole.items.length / 7) + 2);
  });
});
