/**
 * npm run bench:sync — ingest a generated iCalendar feed of 10,000 occurrences (weekly series and
 * one-off events) through the real HTTP client, adapter, engine and events sink, on SQLite and
 * PostgreSQL (when TEST_DATABASE_URL is set); then measure what an unchanged re-sync costs, with and
 * without ETag. Not a test: it prints figures, it asserts nothing about time.
 */
import 'reflect-metadata';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../src/db/data-source';
import { StatementCounter } from '../../src/db/statement-counter';
import { createUrlPolicy } from '../../src/datasources/shared/url-policy';
import { EventEntity } from '../../src/model/event.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { PartnerKind } from '../../src/domain/enums';
import { createMemoryPubSub } from '../../src/pubsub/pubsub';
import { createServices } from '../../src/compose';
import { createBenchDatabase } from '../lib/bench-database';
import { benchBackends } from '../lib/bench-env';
import type { BackendName } from '../lib/scenario';

type Row = Record<string, string | number>;

export interface Scenario {
  name: string;
  description: string;
  run(opts: { smoke: boolean; backends: BackendName[] }): Promise<Row[]>;
}

/** Every generated occurrence starts inside it; sources use it as their expansion window. */
export const SYNC_BENCH_WINDOW = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2028-01-01T00:00:00Z') };

/** `series` weekly series of 50 instances each, plus `singles` one-off events, all inside SYNC_BENCH_WINDOW. */
export function generateFeed(occurrences: number): { body: string; occurrences: number } {
  const series = Math.floor((occurrences * 0.6) / 50);
  const singles = occurrences - series * 50;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Community Graph//bench//EN', 'X-WR-TIMEZONE:America/Chicago'];
  for (let i = 0; i < series; i++) {
    const day = String(4 + (i % 7)).padStart(2, '0');
    const hour = String(8 + (i % 10)).padStart(2, '0');
    lines.push('BEGIN:VEVENT', `UID:series-${i}@bench`, `DTSTART;TZID=America/Chicago:202701${day}T${hour}0000`, `DTEND;TZID=America/Chicago:202701${day}T${hour}4500`,
      'RRULE:FREQ=WEEKLY;COUNT=50', `SUMMARY:Weekly program ${i}`, `DESCRIPTION:Series ${i}\\, every week.`, `LOCATION:Branch ${i % 12}\\, ${100 + (i % 12)} Main Street`,
      `CATEGORIES:Kids,Storytime`, 'END:VEVENT');
  }
  for (let i = 0; i < singles; i++) {
    const date = new Date(SYNC_BENCH_WINDOW.from.getTime() + ((i * 7919) % 360) * 86_400_000 + (i % 12) * 3_600_000);
    const stamp = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    if (i % 10 === 0) {
      lines.push('BEGIN:VEVENT', `UID:single-${i}@bench`, `DTSTART;VALUE=DATE:${stamp.slice(0, 8)}`, `SUMMARY:All-day ${i}`, 'END:VEVENT');
    } else {
      lines.push('BEGIN:VEVENT', `UID:single-${i}@bench`, `DTSTART:${stamp}`, 'DURATION:PT1H30M', `SUMMARY:Event ${i}`, `LOCATION:Hall ${i % 30}`, 'END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return { body: `${lines.join('\r\n')}\r\n`, occurrences: series * 50 + singles };
}

/** The feed on 127.0.0.1: any path answers it, /etag.ics with an ETag (and 304 to a matching If-None-Match). */
export async function serveFeed(body: string): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    if (req.url === '/etag.ics' && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'text/calendar', ...(req.url === '/etag.ics' ? { etag } : {}) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const writes = (sql: StatementCounter, from: number) => sql.statements.slice(from).filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s));

async function runBackend(backend: BackendName, occurrences: number): Promise<Row> {
  const feed = generateFeed(occurrences);
  const server = await serveFeed(feed.body);
  const database = await createBenchDatabase(backend);
  const sql = new StatementCounter();
  const db = await openDatabase(database.config, { logger: sql });
  try {
    // The bench feed server is on loopback: allowed as an operator would with SOURCE_ALLOW_HOSTS.
    const services = createServices(db, { pubsub: createMemoryPubSub(), urlPolicy: createUrlPolicy({ allowHosts: ['127.0.0.1'], fileRoots: [], maxRedirects: 5 }) });
    const now = new Date();
    await db.getRepository(PartnerEntity).insert({ id: 'bench-partner', slug: 'bench', name: 'Bench', kind: PartnerKind.LIBRARY, website: null, timezone: 'America/Chicago', createdAt: now });
    const source = (id: string, path: string) => db.getRepository(SourceEntity).insert({
      id, partnerId: 'bench-partner', format: 'ICALENDAR' as never, url: `${server.url}${path}`, refreshMinutes: 60, expandFrom: SYNC_BENCH_WINDOW.from, expandTo: SYNC_BENCH_WINDOW.to,
      options: '{}', title: null, etag: null, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, lastError: null, lastExpandedAt: null, consecutiveFailures: 0, itemCount: 0, nextSyncAt: null, createdAt: now,
    });
    await source('plain', '/plain.ics');
    await source('etag', '/etag.ics');

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const started = process.hrtime.bigint();
    const first = await services.sync.run('plain');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (first.status !== 'OK' || first.created !== feed.occurrences) throw new Error(`ingest went wrong: ${JSON.stringify(first)}`);

    // Unchanged re-sync without validators: one request, full parse, zero row writes.
    sql.keepText = true;
    let requests = server.requests();
    let mark = sql.statements.length;
    let t = process.hrtime.bigint();
    const again = await services.sync.run('plain');
    const unchangedMs = Number(process.hrtime.bigint() - t) / 1e6;
    const unchangedWrites = writes(sql, mark).filter((s) => !/"source"|\bsource\b/.test(s.split(/\s+/).slice(0, 3).join(' '))).length;
    const unchangedRequests = server.requests() - requests;
    const unchangedStatements = sql.statements.length - mark;

    // With ETag: the second sync is a 304 — no parse, no row write.
    await services.sync.run('etag');
    requests = server.requests();
    mark = sql.statements.length;
    t = process.hrtime.bigint();
    const conditional = await services.sync.run('etag');
    const conditionalMs = Number(process.hrtime.bigint() - t) / 1e6;
    const conditionalWrites = writes(sql, mark).filter((s) => !/"source"|\bsource\b/.test(s.split(/\s+/).slice(0, 3).join(' '))).length;
    const stored = await db.getRepository(EventEntity).countBy({ sourceId: 'plain' });

    return {
      backend, occurrences: feed.occurrences, storedRows: stored,
      ingestSeconds: Number(seconds.toFixed(2)), occurrencesPerSecond: Math.round(feed.occurrences / seconds), peakRssMb: Math.round(peak / 1048576),
      unchangedStatus: again.status, unchangedRequests, unchangedRowWrites: unchangedWrites, unchangedSqlStatements: unchangedStatements, unchangedMs: Math.round(unchangedMs),
      etagStatus: conditional.status, etagRowWrites: conditionalWrites, etagMs: Math.round(conditionalMs),
    };
  } finally {
    await db.destroy();
    await database.drop();
    await server.close();
  }
}

export const scenario: Scenario = {
  name: 'sync',
  description: 'Ingest a 10,000-occurrence iCalendar feed; cost of an unchanged re-sync (requests, row writes), with and without ETag.',
  async run({ smoke, backends }) {
    const rows: Row[] = [];
    for (const backend of backends) rows.push(await runBackend(backend, smoke ? 500 : 10_000));
    return rows;
  },
};

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  scenario.run({ smoke, backends: benchBackends() }).then((rows) => {
    console.table(rows);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}
