import { compareVariants } from './compare-variants';
import type { GraphqlBench } from './graphql-bench';
import { HTTP, PEER, sameAnswersAsServer } from './graphql-variants';
import type { LoadGenerator } from './load-generator';
import type { PeerServer } from './peer';
import type { RunSettings } from './settings';
import type { Row } from './scenario';
import { round } from './stats';

/**
 * How the CPU per request grows with the page (issue 15): the same document at several page sizes,
 * server and peer interleaved at each size (answers checked equal first). The marginal cost per event
 * is the slope between the two largest sizes apart, `from` and `to`; `slope ÷ peer` compares it.
 */
export async function pageSizeCost(
  bench: GraphqlBench, load: LoadGenerator, peer: PeerServer, query: string, sizes: number[], settings: RunSettings,
): Promise<Row> {
  const server: number[] = [];
  const reference: number[] = [];
  for (const first of sizes) {
    const operation = { query, variables: [{ first }] };
    await sameAnswersAsServer(bench, peer.url, operation);
    const bodies = [JSON.stringify({ query, variables: { first } })];
    const summaries = await compareVariants([
      { name: HTTP, round: (s) => load.round({ url: bench.graphqlUrl, bodies }, s) },
      { name: PEER, round: (s) => load.round({ url: peer.url, bodies }, s) },
    ], settings);
    server.push(summaries.get(HTTP)!.cpuMsPerRequest);
    reference.push(summaries.get(PEER)!.cpuMsPerRequest);
  }
  const [from, to] = [sizes.indexOf(10), sizes.indexOf(100)];
  const slope = (cpu: number[]) => (cpu[to] - cpu[from]) / (sizes[to] - sizes[from]);
  const label = sizes.join('/');
  return {
    [`cpu ms/req at first ${label}`]: server.map((x) => round(x)).join('/'),
    [`peer cpu ms/req at first ${label}`]: reference.map((x) => round(x)).join('/'),
    'ms per event': round(slope(server)),
    'peer ms per event': round(slope(reference)),
    'slope ÷ peer': round(slope(server) / slope(reference)),
  };
}
