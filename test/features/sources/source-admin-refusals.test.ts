import { SourceFormat } from '../../../src/datasources/adapter';
import { toGlobalId } from '../../../src/domain/global-id';
import { SourceEntity } from '../../../src/model/source.entity';
import { FeedServer } from '../../support/feed-server';
import { until } from '../../support/until';
import { createSyncHarness, fixtureText, SyncHarness } from './sync-harness';

/**
 * What an admin is told when adding or syncing a source goes wrong: the error code and the argument,
 * and nothing stored or fetched. The rules are the service's, so one backend is enough.
 */
describe('source administration refusals', () => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;
  const add = (input: { url: string; expandFrom?: Date; expandTo?: Date }) =>
    h.graph.services.sources.addSource(h.admin, { partnerId, format: SourceFormat.ICALENDAR, ...input });
  const sourceCount = () => h.graph.db.getRepository(SourceEntity).count();

  beforeAll(async () => {
    h = await createSyncHarness('sqlite');
    feeds = await new FeedServer().start();
    partnerId = await h.addPartner('admin-school');
  });
  afterAll(async () => {
    await feeds.close();
    await h.close();
  });

  it('refuses an unparsable URL, a window that ends before it starts, and the same feed twice, storing nothing', async () => {
    await expect(add({ url: 'not a url' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'input.url' } });
    const at = new Date('2026-06-01T00:00:00Z');
    await expect(add({ url: `${feeds.url}/a.ics`, expandFrom: at, expandTo: at })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', message: 'Invalid value for argument "input.expandTo": "2026-06-01T00:00:00.000Z". Expected an instant after expandFrom.',
    });
    expect(await sourceCount()).toBe(0);

    await add({ url: `${feeds.url}/a.ics` });
    await expect(add({ url: `${feeds.url}/a.ics` })).rejects.toMatchObject({
      code: 'CONFLICT', message: `This partner already has a ICALENDAR source at ${feeds.url}/a.ics.`,
    });
    expect(await sourceCount()).toBe(1);
    expect(feeds.requests).toEqual([]);
  });

  it('refuses a second sync of a source while one runs (CONFLICT), then syncs it again once that one ends', async () => {
    feeds.set('/slow.ics', { kind: 'feed', body: fixtureText('text.ics'), delayMs: 300 });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/slow.ics`);
    const first = h.graph.services.sources.syncSource(h.admin, sourceId);
    await until(() => feeds.count('/slow.ics') === 1, 'the first sync is fetching');
    await expect(h.graph.services.sources.syncSource(h.admin, sourceId)).rejects.toMatchObject({
      code: 'CONFLICT', message: `Source "${sourceId}" is being synced right now; try again when that sync has finished.`,
    });
    expect(await first).toMatchObject({ status: 'OK', error: null });
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK' });
    expect(feeds.count('/slow.ics')).toBe(2);
  });

  it('names a source that does not exist, for a sync and a removal alike', async () => {
    const missing = toGlobalId('Source', 'no-such-source');
    await expect(h.graph.services.sources.syncSource(h.admin, missing)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No source with id "${missing}".` });
    await expect(h.graph.services.sources.removeSource(h.admin, missing)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No source with id "${missing}".` });
  });
});
