import fc from 'fast-check';
import { ApiKeyRole } from '../../src/domain/enums';
import { createLogger } from '../../src/logger';
import { buildSchemaOver } from '../../src/compose-schema';
import { describeEachBackend } from '../support/backends';
import { dataSnapshot } from '../support/data-snapshot';
import { HOSTILE_GLOBAL_IDS, hostileId, idArguments } from '../support/hostile-input';
import { startTestServer, TestServer } from '../support/server';
import { connect, toWsUrl } from '../support/ws';

/**
 * Every ID the API takes, wherever it enters (each argument and input field of the schema, over HTTP
 * or graphql-ws, the feed path `/feeds/events/<id>.ics`, and `_entities` representations on
 * /subgraph), fed generated hostile ids on the real server: well-formed global ids with NUL and other
 * controls inside (which PostgreSQL refuses in text), and junk. Each must get a typed client error or an
 * empty answer, never INTERNAL_SERVER_ERROR or a 500, nothing may be logged at error level, and no row
 * may change. Calls carry an ADMIN key, so each id reaches the code that looks it up.
 */
const ALLOWED_CODES = ['BAD_USER_INPUT', 'NOT_FOUND'];
const RUNS = 12;
/** Besides the hostile ones, a well-formed id of a registration that does not exist (a generator finds one now and then). */
const UNKNOWN_REGISTRATION = Buffer.from('Registration:OR').toString('base64');
const settings = (runs: number) => ({ numRuns: runs, examples: [...HOSTILE_GLOBAL_IDS, UNKNOWN_REGISTRATION].map((id): [string] => [id]) });

interface Probe {
  query: string;
  variables: (id: string, known: Known) => Record<string, unknown>;
  /** Subscriptions are probed over graphql-ws. */
  ws?: true;
  /**
   * Codes this field answers by design besides ALLOWED_CODES: cancelling or claiming with a token
   * answers an unknown registration as it answers a wrong token (FORBIDDEN), so a generated id that
   * happens to be a well-formed Registration id gets that answer.
   */
  alsoAllowed?: string[];
}

/** A registration is owned by its token: an unknown one is answered like a wrong token. */
const OWNED_BY_TOKEN = ['FORBIDDEN'];

interface Known {
  partnerId: string;
}

const PROBES: Record<string, Probe> = {
  'Partner.events(filter).partnerIds': { query: 'query($i: [ID!]) { partners { events(first: 1, filter: { partnerIds: $i }) { totalCount } } }', variables: (i) => ({ i: [i] }) },
  'Partner.services(filter).partnerIds': { query: 'query($i: [ID!]) { partners { services(first: 1, filter: { partnerIds: $i }) { totalCount } } }', variables: (i) => ({ i: [i] }) },
  'Query.catalog(filter).libraryIds': { query: 'query($i: [ID!]) { catalog(query: "river", filter: { libraryIds: $i }) { totalCount } }', variables: (i) => ({ i: [i] }) },
  'Query.catalogRecords(filter).libraryIds': { query: 'query($i: [ID!]) { catalogRecords(first: 1, filter: { libraryIds: $i }) { totalCount } }', variables: (i) => ({ i: [i] }) },
  'Query.record(id)': { query: 'query($i: ID!) { record(id: $i) { title } }', variables: (i) => ({ i }) },
  'Query.node(id)': { query: 'query($i: ID!) { node(id: $i) { id } }', variables: (i) => ({ i }) },
  'Query.partner(id)': { query: 'query($i: ID!) { partner(id: $i) { name } }', variables: (i) => ({ i }) },
  'Query.events(filter).partnerIds': { query: 'query($i: [ID!]) { events(first: 1, filter: { partnerIds: $i }) { totalCount } }', variables: (i) => ({ i: [i] }) },
  'Query.impact(partnerIds)': { query: 'query($i: [ID!]) { impact(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", partnerIds: $i) { totals { occurrences } } }', variables: (i) => ({ i: [i] }) },
  'Query.registrationOverview(filter).partnerIds': { query: 'query($i: [ID!]) { registrationOverview(filter: { partnerIds: $i }) { totals { events } } }', variables: (i) => ({ i: [i] }) },
  'Query.event(id)': { query: 'query($i: ID!) { event(id: $i) { title } }', variables: (i) => ({ i }) },
  'Query.services(filter).partnerIds': { query: 'query($i: [ID!]) { services(first: 1, filter: { partnerIds: $i }) { totalCount } }', variables: (i) => ({ i: [i] }) },
  'Query.service(id)': { query: 'query($i: ID!) { service(id: $i) { name } }', variables: (i) => ({ i }) },
  'Mutation.setPartnerAllowedOrigins(partnerId)': { query: 'mutation($i: ID!) { setPartnerAllowedOrigins(partnerId: $i, origins: []) { __typename } }', variables: (i) => ({ i }) },
  'Mutation.register(input).eventId': { query: 'mutation($i: ID!) { register(input: { eventId: $i, name: "Ann", email: "ann@example.org" }) { __typename } }', variables: (i) => ({ i }) },
  'Mutation.cancelRegistration(input).registrationId': {
    query: 'mutation($i: ID!) { cancelRegistration(input: { registrationId: $i, cancelToken: "t" }) { promoted } }', variables: (i) => ({ i }),
    alsoAllowed: OWNED_BY_TOKEN,
  },
  'Mutation.holdSeats(input).eventId': { query: 'mutation($i: ID!) { holdSeats(input: { eventId: $i }) { __typename } }', variables: (i) => ({ i }) },
  'Mutation.releaseSeatHold(input).eventId': {
    query: 'mutation($i: ID!) { releaseSeatHold(input: { eventId: $i, holdId: "abcdefghijklmnopqrstuvwx" }) }', variables: (i) => ({ i }),
  },
  'Mutation.claimInvitation(input).registrationId': {
    query: 'mutation($i: ID!) { claimInvitation(input: { registrationId: $i, cancelToken: "t" }) { status } }', variables: (i) => ({ i }),
    alsoAllowed: OWNED_BY_TOKEN,
  },
  'Mutation.createEventSeries(input).partnerId': {
    query: 'mutation($i: ID!) { createEventSeries(input: { partnerId: $i, title: "T", startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z", recurrence: "FREQ=WEEKLY;COUNT=2" }) { seriesId } }',
    variables: (i) => ({ i }),
  },
  'Mutation.createEventSeries(input).locationId': {
    query: 'mutation($p: ID!, $i: ID) { createEventSeries(input: { partnerId: $p, locationId: $i, title: "T", startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z", recurrence: "FREQ=WEEKLY;COUNT=2" }) { seriesId } }',
    variables: (i, known) => ({ i, p: known.partnerId }),
  },
  'Mutation.updateEventSeries(seriesId)': { query: 'mutation($i: ID!) { updateEventSeries(seriesId: $i, input: { title: "T" }) { seriesId } }', variables: (i) => ({ i }) },
  'Mutation.updateEventSeries(input).locationId': {
    query: 'mutation($i: ID) { updateEventSeries(seriesId: "U2VyaWVzOm5vbmU", input: { locationId: $i }) { seriesId } }', variables: (i) => ({ i }),
  },
  'Mutation.checkIn(registrationId)': { query: 'mutation($i: ID!) { checkIn(registrationId: $i, attended: true) { id } }', variables: (i) => ({ i }) },
  'Mutation.addWalkIns(eventId)': { query: 'mutation($i: ID!) { addWalkIns(eventId: $i, party: [{ category: "adults", count: 1 }]) { total } }', variables: (i) => ({ i }) },
  'Mutation.setHeadCount(eventId)': { query: 'mutation($i: ID!) { setHeadCount(eventId: $i, party: [{ category: "adults", count: 1 }]) { total } }', variables: (i) => ({ i }) },
  'Mutation.createEvent(input).partnerId': {
    query: 'mutation($i: ID!) { createEvent(input: { partnerId: $i, title: "T", startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z" }) { id } }',
    variables: (i) => ({ i }),
  },
  'Mutation.createEvent(input).locationId': {
    query: 'mutation($p: ID!, $i: ID) { createEvent(input: { partnerId: $p, locationId: $i, title: "T", startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z" }) { id } }',
    variables: (i, known) => ({ i, p: known.partnerId }),
  },
  'Mutation.updateEvent(input).locationId': {
    query: 'mutation($i: ID) { updateEvent(id: "RXZlbnQ6bm9uZQ", input: { locationId: $i }) { id } }', variables: (i) => ({ i }),
  },
  'Mutation.updateEvent(id)': { query: 'mutation($i: ID!) { updateEvent(id: $i, input: { title: "T" }) { id } }', variables: (i) => ({ i }) },
  'Mutation.cancelEvent(id)': { query: 'mutation($i: ID!) { cancelEvent(id: $i) { id } }', variables: (i) => ({ i }) },
  'Mutation.addSource(input).partnerId': {
    query: 'mutation($i: ID!) { addSource(input: { partnerId: $i, format: ICALENDAR, url: "https://example.org/a.ics" }) { __typename } }', variables: (i) => ({ i }),
  },
  'Mutation.removeSource(id)': { query: 'mutation($i: ID!) { removeSource(id: $i) }', variables: (i) => ({ i }) },
  'Mutation.syncSource(id)': { query: 'mutation($i: ID!) { syncSource(id: $i) { __typename } }', variables: (i) => ({ i }) },
  'Query.surveyFor(eventId)': { query: 'query($i: ID!) { surveyFor(eventId: $i, round: IMMEDIATE) { statements } }', variables: (i) => ({ i }) },
  'Mutation.createSurvey(input).partnerId': {
    query: 'mutation($i: ID!) { createSurvey(input: { partnerId: $i, serviceArea: JOB_SKILLS, round: IMMEDIATE, category: "jobs" }) { id } }', variables: (i) => ({ i }),
  },
  'Mutation.createSurvey(input).eventId': {
    query: 'mutation($p: ID!, $i: ID) { createSurvey(input: { partnerId: $p, serviceArea: JOB_SKILLS, round: IMMEDIATE, eventId: $i }) { id } }',
    variables: (i, known) => ({ i, p: known.partnerId }),
  },
  'Mutation.createSurvey(input).seriesId': {
    query: 'mutation($p: ID!, $i: ID) { createSurvey(input: { partnerId: $p, serviceArea: JOB_SKILLS, round: IMMEDIATE, seriesId: $i }) { id } }',
    variables: (i, known) => ({ i, p: known.partnerId }),
  },
  'Mutation.deleteSurvey(id)': { query: 'mutation($i: ID!) { deleteSurvey(id: $i) }', variables: (i) => ({ i }) },
  'Mutation.respondToSurvey(input).eventId': {
    query: 'mutation($i: ID!) { respondToSurvey(input: { eventId: $i, round: IMMEDIATE, ratings: [5] }) }', variables: (i) => ({ i }),
  },
  'Subscription.registrationCounts(partnerId)': { query: 'subscription($i: ID) { registrationCounts(partnerId: $i) { confirmed } }', variables: (i) => ({ i }), ws: true },
  'Subscription.registrationCounts(eventIds)': { query: 'subscription($i: [ID!]) { registrationCounts(eventIds: $i) { confirmed } }', variables: (i) => ({ i: [i] }), ws: true },
  'Subscription.eventChanges(partnerId)': { query: 'subscription($i: ID) { eventChanges(partnerId: $i) { type } }', variables: (i) => ({ i }), ws: true },
};

/** Every UTF-8 byte as %XX (a lone surrogate becomes U+FFFD's bytes, as a browser would send it). */
const percentEncoded = (text: string): string => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

type GraphQLError = { message: string; extensions?: { code?: string } };

describeEachBackend('hostile ids wherever an id enters', (backend) => {
  let server: TestServer;
  let admin: string;
  let known: Known;
  let before: Awaited<ReturnType<typeof dataSnapshot>>;
  const logs: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend, { logger: createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line)) }) });
    admin = `Bearer ${(await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'hostile ids' })).secret}`;
    known = { partnerId: (await server.post({ query: '{ partners { id } }' })).json.data.partners[0].id };
    before = await dataSnapshot(server.app.db);
  });
  afterAll(() => server.close());

  const expectTypedErrors = (errors: GraphQLError[] | undefined, context: string, alsoAllowed: string[] = []) => {
    const allowed = [...ALLOWED_CODES, ...alsoAllowed];
    for (const error of errors ?? []) expect([context, allowed.includes(String(error.extensions?.code)) ? 'typed' : error]).toEqual([context, 'typed']);
  };

  it('probes every ID argument and input field of the schema', async () => {
    expect(idArguments(await buildSchemaOver())).toEqual(Object.keys(PROBES).sort());
  });

  it.each(Object.entries(PROBES).filter(([, probe]) => !probe.ws))('generated: %s over HTTP', async (coordinate, probe) => {
    await fc.assert(fc.asyncProperty(hostileId(), async (id) => {
      const answer = await server.post({ query: probe.query, variables: probe.variables(id, known) }, { authorization: admin });
      expect([coordinate, id, answer.status]).toEqual([coordinate, id, 200]);
      expectTypedErrors(answer.json.errors, `${coordinate} ${JSON.stringify(id)}`, probe.alsoAllowed);
    }), settings(RUNS));
  });

  it.each(Object.entries(PROBES).filter(([, probe]) => probe.ws))('generated: %s over graphql-ws', async (coordinate, probe) => {
    const socket = await connect(toWsUrl(server.graphqlUrl), { authorization: admin });
    let n = 0;
    try {
      await fc.assert(fc.asyncProperty(hostileId(), async (id) => {
        const opId = `s${++n}`;
        socket.send({ type: 'subscribe', id: opId, payload: { query: probe.query, variables: probe.variables(id, known) } });
        const message = await socket.nextMatching((m) => m.id === opId, 5);
        // A refused id ends the operation with a `next` carrying the error (then `complete`), or an `error`.
        const errors = (message.type === 'error' ? message.payload : message.payload?.errors) as GraphQLError[] | undefined;
        expect([coordinate, id, ['next', 'error'].includes(message.type), (errors ?? []).length > 0]).toEqual([coordinate, id, true, true]);
        expectTypedErrors(errors, `${coordinate} ${JSON.stringify(id)}`);
        socket.send({ type: 'complete', id: opId });
      }), settings(RUNS));
    } finally {
      socket.close();
    }
  });

  it('generated: GET /feeds/events/<id>.ics answers 400 or 404, never 500', async () => {
    await fc.assert(fc.asyncProperty(hostileId(), async (id) => {
      const response = await fetch(`${server.app.url}/feeds/events/${percentEncoded(id)}.ics`);
      await response.arrayBuffer();
      expect([id, [400, 404].includes(response.status) ? 'refused' : response.status]).toEqual([id, 'refused']);
    }), settings(RUNS * 2));
  });

  it('generated: _entities on /subgraph answers each hostile representation with a typed error or null', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('Event', 'Partner', 'Service', 'CatalogRecord'), hostileId(), async (typename, id) => {
      const response = await fetch(`${server.app.url}/subgraph`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: typename, id }] } }),
      });
      const json = await response.json() as { data?: { _entities: unknown[] }; errors?: GraphQLError[] };
      expect([typename, id, response.status]).toEqual([typename, id, 200]);
      expectTypedErrors(json.errors, `${typename} ${JSON.stringify(id)}`);
    }), { numRuns: RUNS * 2 });
  });

  // Last in the file: jest runs a file's tests in order.
  it('wrote nothing and logged nothing at error level', async () => {
    expect(await dataSnapshot(server.app.db)).toEqual(before);
    expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
    expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
  });
});
