import { toGlobalId } from '../../src/domain/global-id';
import { GraphqlBench } from '../lib/graphql-bench';
import { graphqlScenario } from '../lib/graphql-scenario';
import { measureOperation, Operation, operationRows } from '../lib/graphql-variants';
import { LoadGenerator } from '../lib/load-generator';
import { startPeer } from '../lib/peer';
import type { Row, Scenario } from '../lib/scenario';
import { runSettings } from '../lib/settings';
import { runStandalone } from '../lib/standalone';
import type { TownPlan } from '../town/town-plan';
import { LOCATIONS_PER_PARTNER } from '../town/town-plan';

/** An event detail page: the event with everything a detail view shows. */
export const EVENT_DETAIL_QUERY = `query EventDetail($id: ID!) {
  event(id: $id) {
    id title description startsAt endsAt timezone allDay status attendanceMode audiences rawAudiences categories url imageUrl
    organizer { id name kind website timezone }
    location { id name address lat lon accessibility }
    registration { mode url capacity confirmed waitlisted remaining isOpen opensAt closesAt maxPartySize }
  }
}`;

/** A client cache refetching objects of every type by global id (Relay's `node` contract). */
export const NODE_QUERY = `query Refetch($id: ID!) {
  node(id: $id) {
    id
    ... on Event { title startsAt registration { confirmed remaining } }
    ... on Partner { name kind }
    ... on Location { name lat lon }
  }
}`;

/** Ids spread over the whole town, sent in rotation, so no single row stays hot. */
const ROTATION = 200;

function eventIds(plan: TownPlan): string[] {
  const step = Math.max(1, Math.floor(plan.scale.events / ROTATION));
  return Array.from({ length: Math.min(ROTATION, plan.scale.events) }, (_, k) => toGlobalId('Event', plan.eventId(k * step)));
}

function mixedIds(plan: TownPlan): string[] {
  const events = eventIds(plan);
  return events.map((eventId, k) => {
    const p = k % plan.scale.partners;
    if (k % 3 === 1) return toGlobalId('Partner', plan.partnerId(p));
    if (k % 3 === 2) return toGlobalId('Location', plan.locationId(p, k % LOCATIONS_PER_PARTNER));
    return eventId;
  });
}

async function runOn(bench: GraphqlBench, load: LoadGenerator, smoke: boolean): Promise<Row[]> {
  const plan = bench.town.plan;
  const lookups: [string, Operation][] = [
    ['event(id) detail', { query: EVENT_DETAIL_QUERY, variables: eventIds(plan).map((id) => ({ id })) }],
    ['node(id) mixed types', { query: NODE_QUERY, variables: mixedIds(plan).map((id) => ({ id })) }],
  ];
  const rows: Row[] = [];
  const peer = await startPeer(bench.databaseConfig);
  try {
    for (const [lookup, operation] of lookups) {
      const first = await bench.post(operation.query, operation.variables[0]);
      if (!first.json.data || Object.values(first.json.data)[0] == null) throw new Error(`${lookup} found nothing for ${JSON.stringify(operation.variables[0])}`);
      const measurement = await measureOperation(bench, load, operation, runSettings(smoke), { bare: false, peer, apolloNodeHttp: true });
      rows.push(...operationRows({ backend: bench.backend, lookup }, measurement));
    }
  } finally {
    await peer.close();
  }
  return rows;
}

export const scenario: Scenario = graphqlScenario('lookups', 'event(id) detail and node(id) over mixed types, ids in rotation: HTTP vs the reference peer (mercurius + graphql-jit) and in-process graphql-js and graphql-jit', runOn);

if (require.main === module) runStandalone(scenario);
