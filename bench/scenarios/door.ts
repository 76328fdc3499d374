import { toGlobalId } from '../../src/domain/global-id';
import { ApiKeyRole } from '../../src/domain/enums';
import { DOOR_CHECK_IN, DOOR_EVENT } from '../../src/edge/browser/door/operations';
import { ApiKeyService } from '../../src/features/partners/api-key.service';
import { GraphqlBench } from '../lib/graphql-bench';
import { graphqlScenario } from '../lib/graphql-scenario';
import type { Row } from '../lib/scenario';
import { runStandalone } from '../lib/standalone';
import { percentile } from '../lib/stats';

const CREATE = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }';
const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { ... on RegistrationTicket { registration { id } } ... on RegistrationRejected { code } } }';

/** People at the door: the evening (smoke: a handful). */
const PEOPLE = 200;

/**
 * The door page's own documents over HTTP with the partner's key: an event with PEOPLE confirmed
 * registrations, the list read as the page opens it, then every person checked in once, in an order
 * other than the one they registered in (as they arrive), one round trip at a time as a phone sends
 * them. Fails unless every check-in is counted.
 */
async function runOn(bench: GraphqlBench, _load: unknown, smoke: boolean): Promise<Row[]> {
  const people = smoke ? 20 : PEOPLE;
  const partnerId = bench.town.plan.partnerId(0);
  const { secret } = await new ApiKeyService(bench.app.db).create({ role: ApiKeyRole.PARTNER, partnerId, label: 'bench door' });
  const staff = { authorization: `Bearer ${secret}` };
  const startsAt = new Date(bench.town.plan.now.getTime() + 3_600_000);
  const created = await bench.post(CREATE, { input: {
    partnerId: toGlobalId('Partner', partnerId), title: 'Bench family night', startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), capacity: people, maxPartySize: 1,
  } }, staff);
  const eventId = created.json.data!.createEvent.id as string;
  const ids: string[] = [];
  for (let n = 0; n < people; n++) {
    const answer = await bench.post(REGISTER, { input: { eventId, name: `Door Guest ${n}`, email: `door${n}@bench.example`, partySize: 1 } });
    ids.push(answer.json.data!.register.registration.id);
  }

  const listTimes: number[] = [];
  let listStatements = 0;
  for (let n = 0; n < (smoke ? 3 : 30); n++) {
    const started = performance.now();
    const list = await bench.post(DOOR_EVENT, { id: eventId }, staff);
    listTimes.push(performance.now() - started);
    listStatements = list.statements;
    if (list.json.data!.event.registrations.length !== people) throw new Error('the door list is missing people');
  }

  const checkInTimes: number[] = [];
  // The median: the server's background work (mail sender, sweeper) shares the statement counter.
  const checkInStatements: number[] = [];
  // Arrival order: a fixed stride through the list, so consecutive check-ins touch distant rows.
  for (let k = 0; k < people; k++) {
    const id = ids[(k * 7) % people];
    const started = performance.now();
    const done = await bench.post(DOOR_CHECK_IN, { id, attended: true }, staff);
    checkInTimes.push(performance.now() - started);
    checkInStatements.push(done.statements);
  }
  const last = await bench.post(DOOR_EVENT, { id: eventId }, staff);
  const attended = last.json.data!.event.registration.attended;
  if (attended !== people) throw new Error(`${attended} of ${people} people counted as checked in`);

  const row = (measurement: string, times: number[], statements: number): Row => ({
    backend: bench.backend, measurement, people, requests: times.length, statements,
    'p50 ms': Number(percentile(times, 50).toFixed(1)), 'p99 ms': Number(percentile(times, 99).toFixed(1)),
  });
  return [row('door list (page opens)', listTimes, listStatements), row('check-in round trip', checkInTimes, percentile(checkInStatements, 50))];
}

export const scenario = graphqlScenario(
  'door', `The door page's requests with ${PEOPLE} people at one event: the list as the page opens, then each person checked in, one round trip at a time`,
  (bench, load, smoke) => runOn(bench, load, smoke),
);

if (require.main === module) runStandalone(scenario);
