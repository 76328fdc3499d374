/**
 * npm run bench -- sync-responsiveness — how long the event loop is held during a 50,000-occurrence
 * iCalendar sync (the finding: a big sync left /healthz unanswered). The sync runs in this process,
 * as the scheduler runs it in the server's; `perf_hooks.monitorEventLoopDelay` samples how late a
 * timer fires meanwhile: that lateness is how long any request (/healthz, a GraphQL read) would wait.
 * The limits per source are raised so the whole feed is stored. Not a test: figures only.
 */
import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { loadSyncConfig } from '../../src/config';
import { openDatabase } from '../../src/db/data-source';
import { createUrlPolicy } from '../../src/datasources/shared/url-policy';
import { EventEntity } from '../../src/model/event.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { PartnerKind } from '../../src/domain/enums';
import { createMemoryPubSub } from '../../src/pubsub/pubsub';
import { createServices } from '../../src/compose';
import { createBenchDatabase } from '../lib/bench-database';
import { benchBackends } from '../lib/bench-env';
import type { BackendName, Row, Scenario } from '../lib/scenario';
import { generateFeed, serveFeed, SYNC_BENCH_WINDOW } from './sync';

const ms = (ns: number) => Number((ns / 1e6).toFixed(1));

async function runBackend(backend: BackendName, occurrences: number): Promise<Row> {
  const feed = generateFeed(occurrences);
  const server = await serveFeed(feed.body);
  const database = await createBenchDatabase(backend);
  const db = await openDatabase(database.config);
  try {
    const sync = { ...loadSyncConfig({}), maxEventsPerSync: occurrences * 2, maxEventsPerSource: occurrences * 2 };
    const services = createServices(db, {
      pubsub: createMemoryPubSub(), config: { sync }, urlPolicy: createUrlPolicy({ allowHosts: ['127.0.0.1'], fileRoots: [], maxRedirects: 5 }),
    });
    const now = new Date();
    await db.getRepository(PartnerEntity).insert({ id: 'bench-partner', slug: 'bench', name: 'Bench', kind: PartnerKind.LIBRARY, website: null, timezone: 'America/Chicago', createdAt: now });
    await db.getRepository(SourceEntity).insert({
      id: 'big', partnerId: 'bench-partner', format: 'ICALENDAR' as never, url: `${server.url}/big.ics`, refreshMinutes: 60,
      expandFrom: SYNC_BENCH_WINDOW.from, expandTo: SYNC_BENCH_WINDOW.to, options: '{}', title: null, etag: null, lastModified: null, lastAttemptAt: null,
      lastSuccessAt: null, lastError: null, lastExpandedAt: null, consecutiveFailures: 0, itemCount: 0, nextSyncAt: null, createdAt: now,
    });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = process.hrtime.bigint();
    const report = await services.sync.run('big');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The monitor records a stretch only when its timer fires after it: one more turn of the event loop,
    // or a sync that never yielded would end before a single sample (and look perfect).
    await setTimeout(50);
    delay.disable();
    const stored = await db.getRepository(EventEntity).countBy({ sourceId: 'big' });
    if (report.status !== 'OK' || stored !== feed.occurrences) throw new Error(`sync went wrong: ${JSON.stringify({ ...report, skippedItems: undefined })}`);
    return {
      backend, occurrences: feed.occurrences, storedRows: stored, syncSeconds: Number(seconds.toFixed(2)),
      loopDelayP50Ms: ms(delay.percentile(50)), loopDelayP99Ms: ms(delay.percentile(99)), loopDelayMaxMs: ms(delay.max),
    };
  } finally {
    await db.destroy();
    await database.drop();
    await server.close();
  }
}

export const scenario: Scenario = {
  name: 'sync-responsiveness',
  description: 'Event-loop delay (p50, p99, max; monitorEventLoopDelay) during a 50,000-occurrence iCalendar sync: how long a request would wait.',
  async run({ smoke, backends }) {
    const rows: Row[] = [];
    for (const backend of backends) rows.push(await runBackend(backend, smoke ? 1_000 : 50_000));
    return rows;
  },
};

if (require.main === module) {
  scenario.run({ smoke: process.argv.includes('--smoke'), backends: benchBackends() }).then((rows) => {
    console.table(rows);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}
