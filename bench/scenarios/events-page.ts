import { GraphqlBench } from '../lib/graphql-bench';
import { graphqlScenario } from '../lib/graphql-scenario';
import { measureOperation, operationRows } from '../lib/graphql-variants';
import { LoadGenerator } from '../lib/load-generator';
import { pageSizeCost } from '../lib/page-size-cost';
import { startPeer } from '../lib/peer';
import type { Row, Scenario } from '../lib/scenario';
import { runSettings } from '../lib/settings';
import { runStandalone } from '../lib/standalone';

/** What a "what's on" page asks for: a page of events with organizer, place, audiences and seats. */
export const EVENTS_PAGE_QUERY = `query EventsPage($first: Int!) {
  events(first: $first) {
    edges {
      cursor
      node {
        id title startsAt endsAt timezone allDay status audiences categories url
        organizer { id name kind }
        location { id name address lat lon }
        registration { mode capacity confirmed waitlisted remaining isOpen }
      }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Page sizes probed: the statement count must not grow with the page (no N+1), and the CPU per event is compared with the peer's. */
const PROBED_PAGE_SIZES = [1, 10, 50, 100];

async function runOn(bench: GraphqlBench, load: LoadGenerator, smoke: boolean): Promise<Row[]> {
  const statements: number[] = [];
  for (const first of PROBED_PAGE_SIZES) {
    const probe = await bench.post(EVENTS_PAGE_QUERY, { first });
    const edges = probe.json.data?.events.edges.length;
    if (edges !== first) throw new Error(`events(first: ${first}) returned ${edges} edges; the town is too small for the page`);
    statements.push(probe.statements);
  }
  // The cached server answers every request after the first from memory: one hot page, the best case.
  const cachedUrl = await bench.startCachedServer();
  const peer = await startPeer(bench.databaseConfig);
  try {
    const measurement = await measureOperation(bench, load, { query: EVENTS_PAGE_QUERY, variables: [{ first: 50 }] }, runSettings(smoke), { bare: true, cachedUrl, peer });
    const growth = await pageSizeCost(bench, load, peer, EVENTS_PAGE_QUERY, PROBED_PAGE_SIZES, runSettings(smoke));
    return operationRows({ backend: bench.backend }, measurement, {
      [`sql/req at first ${PROBED_PAGE_SIZES.join('/')}`]: statements.join('/'),
      'sql/req growth': Math.max(...statements) - Math.min(...statements),
      ...growth,
    });
  } finally {
    await peer.close();
  }
}

export const scenario: Scenario = graphqlScenario('events-page', 'events(first: 50) with organizer, location, audiences and registration counts: HTTP vs the reference peer (mercurius + graphql-jit), in-process graphql-js and graphql-jit, and bare node http', runOn);

if (require.main === module) runStandalone(scenario);
