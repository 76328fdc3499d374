import { execFile } from 'node:child_process';
import path from 'node:path';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { BENCH_LIMITS } from '../lib/bench-limits';
import { StatementCounter } from '../../src/db/statement-counter';
import { createLogger } from '../../src/logger';
import { createBenchDatabase } from '../lib/bench-database';
import type { BackendName } from '../lib/scenario';
import { isEmpty, seedDemo } from '../../demo/seed';
import {
  composeSupergraph, Router, startApolloGateway, startHiveGateway, startTicketsSubgraph, SubgraphCall,
} from '../../test/support/federation';

type Row = Record<string, string | number>;

/**
 * What a federation router in front of Community Graph costs: the same 50-event page asked
 * directly at /graphql, through @apollo/gateway and through Hive Gateway (adding the tickets
 * subgraph's field, one _entities hop), and 50 events resolved through Community Graph's
 * `_entities`. Load comes from autocannon in its own process, so it does not share our event loop.
 */
const DIRECT = '{ events(first: 50) { edges { node { id title startsAt organizer { name } location { name } } } } }';
const CROSS = '{ events(first: 50) { edges { node { id title startsAt ticketPrice organizer { name } location { name } } } } }';
const ENTITIES = '{ featuredTickets { id title startsAt organizer { name } location { name } } }';

interface Load { reqPerSec: number; p50: number; p99: number; failures: number }

function autocannon(url: string, query: string, smoke: boolean): Promise<Load> {
  const bin = path.join(__dirname, '../../node_modules/autocannon/autocannon.js');
  const args = ['-j', '-m', 'POST', '-H', 'content-type=application/json', '-b', JSON.stringify({ query }),
    '-c', '10', '-d', smoke ? '2' : '10', url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { maxBuffer: 10_000_000 }, (error, stdout) => {
      if (error) return reject(error);
      const r = JSON.parse(stdout);
      resolve({ reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors });
    });
  });
}

async function statementsPerRequest(sql: StatementCounter, url: string, query: string): Promise<number> {
  const { statements } = await sql.measure(async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`${query} failed: ${JSON.stringify(body.errors)}`);
  });
  return statements;
}

async function runOn(backend: BackendName, smoke: boolean): Promise<Row[]> {
  const database = await createBenchDatabase(backend);
  const sql = new StatementCounter();
  const config = { ...loadConfig(BENCH_LIMITS), host: '127.0.0.1', port: 0, database: database.config, demo: true, logLevel: 'silent' };
  const app = await startApp(config, { logger: createLogger('silent'), dataSource: { logger: sql }, demo: { isEmpty, seedDemo } });
  const tickets = await startTicketsSubgraph();
  const routers: [string, Router][] = [];
  try {
    const subgraphUrl = `${app.url}/subgraph`;
    const sdlResponse = await fetch(subgraphUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    const { data } = (await sdlResponse.json()) as { data: { _service: { sdl: string } } };
    const supergraph = composeSupergraph([
      { name: 'community', url: subgraphUrl, sdl: data._service.sdl },
      { name: 'tickets', url: tickets.url, sdl: tickets.typeDefs },
    ]);
    const ids = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ events(first: 50) { edges { node { id } } } }' }) });
    tickets.featured = ((await ids.json()) as { data: { events: { edges: { node: { id: string } }[] } } }).data.events.edges.map((e) => e.node.id);
    routers.push(['@apollo/gateway', await startApolloGateway(supergraph, [] as SubgraphCall[])]);
    routers.push(['Hive Gateway', await startHiveGateway(supergraph)]);

    const paths: [string, string, string][] = [['direct /graphql, 50 events', `${app.url}/graphql`, DIRECT]];
    for (const [name, router] of routers) {
      paths.push([`${name}: 50 events + tickets field`, router.url, CROSS], [`${name}: 50 events via _entities`, router.url, ENTITIES]);
    }
    // Statements first, on an idle server: under load the counter would also see other requests.
    const statements = [];
    for (const [, url, query] of paths) statements.push(await statementsPerRequest(sql, url, query));
    const rows: Row[] = [];
    for (const [i, [label, url, query]] of paths.entries()) {
      const load = await autocannon(url, query, smoke);
      rows.push({ backend, path: label, 'req/s': load.reqPerSec, 'p50 ms': load.p50, 'p99 ms': load.p99, 'sql/req': statements[i], failures: load.failures });
    }
    return rows;
  } finally {
    for (const [, router] of routers) await router.stop();
    await tickets.close();
    await app.close();
    await database.drop();
  }
}

export const scenario = {
  name: 'federation',
  description: '50 events directly vs through @apollo/gateway and Hive Gateway (with a tickets subgraph), and 50 events via _entities',
  async run(opts: { smoke: boolean; backends: BackendName[] }): Promise<Row[]> {
    const rows: Row[] = [];
    for (const backend of opts.backends) rows.push(...await runOn(backend, opts.smoke));
    return rows;
  },
};

if (require.main === module) {
  const backends: BackendName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  scenario.run({ smoke: process.argv.includes('--smoke'), backends }).then((rows) => {
    console.table(rows);
  }, (error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
