import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createSyncHarness, SyncHarness } from './sync-harness';
import { FeedServer } from '../../support/feed-server';

/** Eight hourly series: 16,000 occurrences under the default per-series limit of 2,000. */
const HOURLY_FEED = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN',
  ...Array.from({ length: 8 }, (_, i) => [
    'BEGIN:VEVENT', `UID:hourly-${i}@t`, `DTSTART:202602${String(i + 1).padStart(2, '0')}T000000Z`, 'DURATION:PT30M', 'RRULE:FREQ=HOURLY', `SUMMARY:Hourly ${i}`, 'END:VEVENT',
  ]).flat(),
  'END:VCALENDAR', '',
].join('\r\n');

/**
 * A big sync gives the event loop turns while it expands and writes: a read issued over HTTP while the
 * sync is running answers before the sync ends. Over HTTP because a socket is served only when the
 * event loop turns (promise callbacks alone do not let it). Ordering, not milliseconds: no timing is asserted.
 */
describe('reads answer during a big sync [sqlite]', () => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let api: http.Server;
  let apiUrl: string;

  beforeAll(async () => {
    h = await createSyncHarness('sqlite');
    feeds = await new FeedServer().start();
    // The API's reads over the same services and database as the sync.
    api = http.createServer((_req, res) => {
      void h.graph.execute('{ events(first: 5) { edges { node { id title } } } }').then((result) => res.end(JSON.stringify(result)));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.close(resolve));
    await feeds.close();
    await h.close();
  });

  it('a GraphQL read over HTTP issued once the feed is pulled completes before the sync has stored it', async () => {
    feeds.set('/hourly.ics', { kind: 'feed', body: HOURLY_FEED });
    const sourceId = await h.addSource(await h.addPartner('busy-partner'), `${feeds.url}/hourly.ics`);
    const finished: string[] = [];
    let read: Promise<unknown> | null = null;
    const sync = h.graph.services.sources.syncSource(h.admin, sourceId, (progress) => {
      if (progress.phase !== 'pulled') return;
      read = fetch(apiUrl).then((response) => response.json()).then((result) => {
        expect(result.errors).toBeUndefined();
        finished.push('read');
      });
    }).then((report) => {
      finished.push('sync');
      return report;
    });
    const report = await sync;
    await read;
    expect(report).toMatchObject({ created: 16_000 });
    expect(finished).toEqual(['read', 'sync']);
  });
});
