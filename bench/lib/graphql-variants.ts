import { startApolloNodeHttp } from './apollo-node-http';
import { startBareServer } from './bare-server';
import { compareVariants, Variant, VariantSummary } from './compare-variants';
import type { GraphqlBench } from './graphql-bench';
import { inProcessRound } from './in-process-load';
import type { LoadGenerator } from './load-generator';
import type { PeerServer } from './peer';
import type { RunSettings } from './settings';
import type { Row } from './scenario';
import { median, round } from './stats';

export interface Operation {
  query: string;
  /** Variable sets sent in rotation (e.g. many ids, so lookups do not hit one cached row). */
  variables: Record<string, unknown>[];
}

export const HTTP = 'http (server)';
/** The same server with its response cache on (a repeated anonymous query is answered from memory). */
export const HTTP_CACHED = 'http (server, response cache)';
export const GRAPHQL_JS = 'graphql-js in-process';
export const GRAPHQL_JIT = 'graphql-jit in-process';
export const BARE = 'bare node http';
/** The hand-tuned reference server (bench/peer): fastify + mercurius with graphql-jit over prepared statements. */
export const PEER = 'peer (mercurius + jit)';
/** The server's Apollo, plugins and all, behind bare Node http: what no integration can go below (apollo-node-http.ts). */
export const APOLLO_NODE_HTTP = 'apollo on node http (no express)';

export interface OperationMeasurement {
  summaries: Map<string, VariantSummary>;
  /** SQL statements one HTTP request sends (the largest over the probed variable sets). */
  sqlPerRequest: number;
  responseBytes: number;
  /** The server's GRAPHQL_EXECUTOR, so before/after runs say which one the HTTP row measured. */
  serverExecutor: string;
}

/**
 * Measures one GraphQL operation in one run: over HTTP against the real server, executed in-process
 * with graphql-js on the same schema and database, the same compiled by graphql-jit, and
 * (optionally) as the same bytes from a bare Node server. Every variable set is first checked to
 * answer without errors, and graphql-jit to answer exactly what graphql-js answers.
 */
export async function measureOperation(
  bench: GraphqlBench, load: LoadGenerator, operation: Operation, settings: RunSettings, options: { bare: boolean; cachedUrl?: string; peer?: PeerServer; apolloNodeHttp?: boolean },
): Promise<OperationMeasurement> {
  const probes = [];
  for (const variables of operation.variables.slice(0, 5)) probes.push(await bench.post(operation.query, variables));
  const sqlPerRequest = Math.max(...probes.map((p) => p.statements));
  const bodies = operation.variables.map((variables) => JSON.stringify({ query: operation.query, variables }));
  const execute = bench.executor(operation.query);
  const executeJit = bench.executor(operation.query, 'jit');
  for (const variables of operation.variables) {
    const [expected, jit] = [await execute(variables), await executeJit(variables)];
    if (jit !== expected) throw new Error(`graphql-jit answers ${JSON.stringify(variables)} differently from graphql-js:\n${jit.slice(0, 300)}\n${expected.slice(0, 300)}`);
  }

  let next = 0;
  const inProcess = (run: typeof execute) => (s: RunSettings['round']) =>
    inProcessRound(async () => { await run(operation.variables[next++ % operation.variables.length]); }, s);
  const variants: Variant[] = [
    { name: HTTP, round: (s) => load.round({ url: bench.graphqlUrl, bodies }, s) },
    { name: GRAPHQL_JS, round: inProcess(execute) },
    { name: GRAPHQL_JIT, round: inProcess(executeJit) },
  ];
  if (options.peer) {
    const peer = options.peer;
    await sameAnswersAsServer(bench, peer.url, operation);
    variants.push({ name: PEER, round: (s) => load.round({ url: peer.url, bodies }, s) });
  }
  if (options.cachedUrl) {
    const cachedUrl = options.cachedUrl;
    variants.push({ name: HTTP_CACHED, round: (s) => load.round({ url: cachedUrl, bodies }, s) });
  }
  const bare = options.bare ? await startBareServer(probes[0].body) : null;
  if (bare) variants.push({ name: BARE, round: (s) => load.round({ url: bare.url, bodies }, s) });
  const apollo = options.apolloNodeHttp ? await startApolloNodeHttp(bench) : null;
  try {
    if (apollo) {
      await sameAnswersAsServer(bench, apollo.url, operation, APOLLO_NODE_HTTP);
      variants.push({ name: APOLLO_NODE_HTTP, round: (s) => load.round({ url: apollo.url, bodies }, s) });
    }
    return { summaries: await compareVariants(variants, settings), sqlPerRequest, responseBytes: probes[0].body.length, serverExecutor: bench.serverExecutor };
  } finally {
    await bare?.close();
    await apollo?.close();
  }
}

/** One row per variant; the HTTP row carries the same-run ratios against the others. */
export function operationRows(base: Row, measurement: OperationMeasurement, extra: Row = {}): Row[] {
  const { summaries } = measurement;
  const http = summaries.get(HTTP)!;
  return [...summaries.values()].map((s) => {
    const row: Row = {
      ...base,
      variant: s.name,
      'req/s': round(s.reqPerSec),
      'p50 ms': round(s.p50Ms),
      'p99 ms': round(s.p99Ms),
      'cpu ms/req': round(s.cpuMsPerRequest),
      // How far apart the rounds were: the run's own measure of the machine's noise.
      'req/s spread %': round(spreadPercent(s.rounds.map((r) => r.reqPerSec))),
      failures: s.failures,
    };
    if (s.name === HTTP) {
      row['server executor'] = measurement.serverExecutor;
      row['sql/req'] = measurement.sqlPerRequest;
      row['bytes'] = measurement.responseBytes;
      const inProcess = summaries.get(GRAPHQL_JS);
      if (inProcess) {
        row['vs graphql-js'] = round(pairedRatio(http, inProcess));
        row['cpu vs graphql-js'] = round(pairedCpuRatio(http, inProcess));
      }
      const bare = summaries.get(BARE);
      if (bare) row['vs bare http'] = round(pairedRatio(http, bare));
      const peer = summaries.get(PEER);
      if (peer) {
        // Throughput as a share of the peer's (1 = as fast), CPU per request as a multiple of the peer's (1 = as cheap).
        row['req/s vs peer'] = round(pairedRatio(http, peer));
        row['cpu ÷ peer'] = round(pairedCpuRatio(peer, http));
      }
      const apolloAlone = summaries.get(APOLLO_NODE_HTTP);
      if (apolloAlone) row['cpu ÷ apollo on node http'] = round(pairedCpuRatio(apolloAlone, http));
      Object.assign(row, extra);
    }
    const peer = summaries.get(PEER);
    if (s.name === APOLLO_NODE_HTTP && peer) row['cpu ÷ peer'] = round(pairedCpuRatio(peer, s));
    // graphql-jit in-process and the cached server, each against the interpreter on the same rounds
    // (>1 = faster, cheaper); the cached server also against the server doing the work.
    const interpreted = summaries.get(GRAPHQL_JS);
    if ((s.name === GRAPHQL_JIT || s.name === HTTP_CACHED) && interpreted) {
      row['vs graphql-js'] = round(pairedRatio(s, interpreted));
      row['cpu vs graphql-js'] = round(pairedCpuRatio(s, interpreted));
    }
    if (s.name === HTTP_CACHED) {
      row['vs http (server)'] = round(pairedRatio(s, http));
      row['cpu vs http (server)'] = round(pairedCpuRatio(s, http));
    }
    return row;
  });
}

function spreadPercent(values: number[]): number {
  const mid = median(values);
  return mid > 0 ? ((Math.max(...values) - Math.min(...values)) / mid) * 100 : 0;
}

/**
 * The median of per-round throughput ratios. Round i of each variant ran back to back, so each
 * pair saw the same machine load; on a shared box this is far steadier than a ratio of medians.
 */
export function pairedRatio(a: VariantSummary, b: VariantSummary): number {
  const n = Math.min(a.rounds.length, b.rounds.length);
  return median(Array.from({ length: n }, (_, i) => a.rounds[i].reqPerSec / b.rounds[i].reqPerSec));
}

/** The same comparison by CPU cost: b's CPU per request over a's (1 = as cheap, 0.5 = twice the cost). */
export function pairedCpuRatio(a: VariantSummary, b: VariantSummary): number {
  const n = Math.min(a.rounds.length, b.rounds.length);
  return median(Array.from({ length: n }, (_, i) => (b.rounds[i].cpuMsPerRequest ?? Number.NaN) / (a.rounds[i].cpuMsPerRequest ?? Number.NaN)));
}

/**
 * The peer must answer every variable set with the very bytes the server does before either is
 * measured: otherwise the comparison is between two different jobs. A mismatch fails the scenario.
 */
export async function sameAnswersAsServer(bench: GraphqlBench, peerUrl: string, operation: Operation, who = 'the peer'): Promise<void> {
  for (const variables of operation.variables) {
    const ours = (await bench.post(operation.query, variables)).body;
    const response = await fetch(peerUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: operation.query, variables }),
    });
    const theirs = Buffer.from(await response.arrayBuffer());
    if (!ours.equals(theirs)) {
      const at = [...ours].findIndex((byte, i) => byte !== theirs[i]);
      const from = Math.max(0, (at < 0 ? Math.min(ours.length, theirs.length) : at) - 80);
      throw new Error(`${who} answers ${JSON.stringify(variables)} differently from the server (first difference at byte ${at}):\n`
        + `server: ${ours.subarray(from, from + 200).toString('utf8')}\nother:  ${theirs.subarray(from, from + 200).toString('utf8')}`);
    }
  }
}
