import fs from 'node:fs';
import path from 'node:path';
import { loadSyncConfig, SyncConfig } from '../../../src/config';
import { FeedServer } from '../../support/feed-server';
import { ServiceOptions } from '../../../src/compose';
import { Context, createContext } from '../../../src/context';
import { SourceFormat } from '../../../src/datasources/adapter';
import { HttpClientOptions } from '../../../src/datasources/shared/http';
import { EventEntity } from '../../../src/model/event.entity';
import { SourceEntity } from '../../../src/model/source.entity';
import { ApiKeyRole, PartnerKind } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { createLogger } from '../../../src/logger';
import { EventChangeMessage, RegistrationCountsMessage } from '../../../src/pubsub/topics';
import { BackendName } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

export const fixtureText = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/ics', name), 'utf8');

/** A window around the 2026 fixtures, so expectations do not depend on today's date. */
export const FIXTURE_WINDOW = { expandFrom: new Date('2025-12-01T00:00:00Z'), expandTo: new Date('2027-12-01T00:00:00Z') };

export interface SyncHarness {
  graph: TestGraph;
  admin: Context;
  adminKey: string;
  published: { changes: EventChangeMessage[]; counts: RegistrationCountsMessage[] };
  addPartner(slug: string, kind?: PartnerKind): Promise<string>;
  addSource(partnerId: string, url: string, format?: SourceFormat): Promise<string>;
  events(sourceId: string): Promise<EventEntity[]>;
  source(sourceId: string): Promise<SourceEntity>;
  /** Counts INSERT / UPDATE / DELETE statements sent while `work` runs, per table. */
  writes<T>(work: () => Promise<T>): Promise<{ result: T; tables: string[] }>;
  close(): Promise<void>;
}

/**
 * The real services over a fresh database, with a fast-failing fetch policy (quick retries, a small body
 * cap, a 5 s timeout: short, yet long enough for a loopback feed on a machine busy with other work).
 * `sync` overrides SYNC_* settings (e.g. small limits per source); `services`, other service options
 * (e.g. the `stopping` signal the server aborts on shutdown).
 */
export async function createSyncHarness(
  backend: BackendName, http: HttpClientOptions = {}, sync: Partial<SyncConfig> = {}, services: Partial<ServiceOptions> = {},
): Promise<SyncHarness> {
  const graph = await createTestGraph(backend, {
    services: {
      ...services,
      partnerHttp: { timeoutMs: 5_000, retries: 1, retryBaseDelayMs: 5, retryMaxDelayMs: 50, maxBodyBytes: 256 * 1024, ...http },
      config: { sync: { ...loadSyncConfig({}), ...sync } },
    },
  });
  const { secret } = await graph.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'sync tests' });
  const logger = createLogger('silent');
  const admin = await createContext({ db: graph.db, apiKeys: graph.services.apiKeys, logger }, { authorization: `Bearer ${secret}` });
  const published: SyncHarness['published'] = { changes: [], counts: [] };
  void (async () => {
    for await (const m of graph.services.pubsub.subscribe('EVENT_CHANGES')) published.changes.push(m);
  })();
  void (async () => {
    for await (const m of graph.services.pubsub.subscribe('REGISTRATION_COUNTS')) published.counts.push(m);
  })();
  graph.sql.keepText = true;
  return {
    graph, admin, adminKey: secret, published,
    async addPartner(slug, kind = PartnerKind.SCHOOL) {
      const partner = await graph.services.sources.addPartner(admin, { slug, name: slug, kind, timezone: 'America/Chicago', website: null });
      return toGlobalId('Partner', partner.id);
    },
    async addSource(partnerId, url, format = SourceFormat.ICALENDAR) {
      const source = await graph.services.sources.addSource(admin, { partnerId, format, url, refreshMinutes: 60, ...FIXTURE_WINDOW }, { allowFileUrls: true });
      return toGlobalId('Source', source.id);
    },
    async events(sourceId) {
      return graph.db.getRepository(EventEntity).find({ where: { sourceId: localOf(sourceId) }, order: { startsAt: 'ASC', id: 'ASC' } });
    },
    async source(sourceId) {
      return graph.db.getRepository(SourceEntity).findOneByOrFail({ id: localOf(sourceId) });
    },
    async writes(work) {
      const before = graph.sql.statements.length;
      const result = await work();
      const tables = graph.sql.statements.slice(before)
        .filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s))
        .map((s) => /^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?/i.exec(s)?.[1] ?? s);
      return { result, tables };
    },
    async close() {
      await graph.close();
    },
  };
}

export function localOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');
}

/** A harness, a loopback feed server and one partner: what most sync suites open in beforeAll. */
export interface FeedSync {
  h: SyncHarness;
  feeds: FeedServer;
  partnerId: string;
}

export async function openFeedSync(
  backend: BackendName, partnerSlug: string, sync: Partial<SyncConfig> = {}, http: HttpClientOptions = {},
): Promise<FeedSync> {
  const h = await createSyncHarness(backend, http, sync);
  const feeds = await new FeedServer().start();
  return { h, feeds, partnerId: await h.addPartner(partnerSlug) };
}

export async function closeFeedSync({ h, feeds }: Partial<FeedSync>): Promise<void> {
  await feeds?.close();
  await h?.close();
}
