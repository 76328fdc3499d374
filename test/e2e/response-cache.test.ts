import { ApiKeyRole } from '../../src/domain/enums';
import { StatementCounter } from '../../src/db/statement-counter';
import { describeEachBackend } from '../support/backends';
import { FeedServer } from '../support/feed-server';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const SEATS = `query Seats($id: ID!) { event(id: $id) { id title registration { confirmed waitlisted remaining } } }`;
const UPCOMING = `query Upcoming($first: Int!) { events(first: $first) { edges { node { title } } } }`;
const SOURCES = `query Sources($slug: String!) { partner(slug: $slug) { slug sources { format url } } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created updated error } }`;

/** An iCalendar feed of one event ten days ahead, titled `title`. */
function oneEventFeed(title: string): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const start = Date.now() + 10 * 86_400_000;
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//response cache test//EN', 'BEGIN:VEVENT', 'UID:cache-test@test',
    `DTSTAMP:${stamp(Date.now())}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 3_600_000)}`, `SUMMARY:${title}`,
    'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

// The TTL is ten minutes here, so an answer that changes within a test was emptied by invalidation,
// never by expiry. "Served from the cache" is observed as zero SQL statements for the request.
describeEachBackend('response cache for anonymous queries', (backend) => {
  let server: TestServer;
  const sql = new StatementCounter();
  const feeds = new FeedServer();
  let admin: string;

  const timed = async (body: unknown, headers: Record<string, string> = {}) => {
    const before = sql.count;
    const response = await server.post(body, headers);
    return { ...response, statements: sql.count - before, cache: response.headers.get('x-cache') };
  };

  beforeAll(async () => {
    await feeds.start();
    server = await startTestServer(backend, {
      demo: false, sql,
      env: { RESPONSE_CACHE: 'on', RESPONSE_CACHE_TTL_MS: '600000', SOURCE_ALLOW_HOSTS: '127.0.0.1', SYNC_SCHEDULER: 'off', SYNC_RETRIES: '0' },
    });
    const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'response cache test' });
    admin = `Bearer ${secret}`;
  });
  afterAll(async () => {
    await server.close();
    await feeds.close();
  });

  it('answers a repeated anonymous query from the cache, without SQL, and keeps Cache-Control: no-store', async () => {
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { title: 'Chess club', capacity: 5 });
    const first = await timed({ query: SEATS, variables: { id: event.globalId } });
    expect(first.json).toEqual({ data: { event: { id: event.globalId, title: 'Chess club', registration: { confirmed: 0, waitlisted: 0, remaining: 5 } } } });
    expect([first.cache, first.statements > 0]).toEqual(['MISS', true]);

    const second = await timed({ query: SEATS, variables: { id: event.globalId }, operationName: 'Seats' });
    expect(second.json).toEqual(first.json);
    expect([second.cache, second.statements]).toEqual(['HIT', 0]);
    expect(second.headers.get('cache-control')).toBe('no-store');
  });

  it('counts hits, misses and invalidations at /metrics', async () => {
    // One registry per process, shared by every server of this Jest worker: compare before and after.
    const counts = async () => {
      const text = await (await fetch(`${server.app.url}/metrics`)).text();
      const count = (result: string) => Number(new RegExp(`community_graph_response_cache_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      return { hit: count('hit'), miss: count('miss'), invalidated: count('invalidated') };
    };
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 5 });
    const before = await counts();
    await timed({ query: SEATS, variables: { id: event.globalId } });
    await timed({ query: SEATS, variables: { id: event.globalId } });
    await timed({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'Mo', email: 'mo@example.org' } } });
    const after = await counts();
    expect({ hit: after.hit - before.hit, miss: after.miss - before.miss, invalidated: after.invalidated - before.invalidated })
      .toEqual({ hit: 1, miss: 1, invalidated: 1 });
  });

  it('keys by document, operation and variables: the same variables in another order share an answer, others do not', async () => {
    const query = `query Page($first: Int!, $filter: EventFilter) { events(first: $first, filter: $filter) { edges { node { title } } } }`;
    const first = await timed({ query, variables: { first: 5, filter: { text: 'chess' } } });
    const reordered = await timed({ query, variables: { filter: { text: 'chess' }, first: 5 } });
    const other = await timed({ query, variables: { first: 5, filter: { text: 'lego' } } });
    expect([first.cache, reordered.cache, other.cache]).toEqual(['MISS', 'HIT', 'MISS']);
    expect(reordered.json).toEqual(first.json);
  });

  it('is emptied by a registration and by its cancellation: the next query shows the new seat counts', async () => {
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 5 });
    await timed({ query: SEATS, variables: { id: event.globalId } });
    expect((await timed({ query: SEATS, variables: { id: event.globalId } })).cache).toBe('HIT');

    const registered = await timed({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'Ann', email: 'ann@example.org', partySize: 2 } } });
    expect(registered.json.data.register.registration.status).toBe('CONFIRMED');
    const after = await timed({ query: SEATS, variables: { id: event.globalId } });
    expect([after.cache, after.json.data.event.registration]).toEqual(['MISS', { confirmed: 2, waitlisted: 0, remaining: 3 }]);

    const { registration, cancelToken } = registered.json.data.register;
    await timed({ query: CANCEL, variables: { input: { registrationId: registration.id, cancelToken } } });
    const cancelled = await timed({ query: SEATS, variables: { id: event.globalId } });
    expect([cancelled.cache, cancelled.json.data.event.registration]).toEqual(['MISS', { confirmed: 0, waitlisted: 0, remaining: 5 }]);
  });

  it('is emptied by a partner\'s edit of its own event', async () => {
    const { partner, key } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { title: 'Lego club', capacity: 5 });
    await timed({ query: SEATS, variables: { id: event.globalId } });
    expect((await timed({ query: SEATS, variables: { id: event.globalId } })).cache).toBe('HIT');
    const edited = await timed({
      query: 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { title } }',
      variables: { id: event.globalId, input: { title: 'Lego club (bring your own bricks)', capacity: 8 } },
    }, { authorization: key });
    expect(edited.json.data.updateEvent.title).toBe('Lego club (bring your own bricks)');
    const after = await timed({ query: SEATS, variables: { id: event.globalId } });
    expect(after.cache).toBe('MISS');
    expect(after.json.data.event).toMatchObject({ title: 'Lego club (bring your own bricks)', registration: { remaining: 8 } });
  });

  it('never caches a mutation: the same request twice runs twice', async () => {
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 5 });
    const request = { query: REGISTER, variables: { input: { eventId: event.globalId, name: 'Bo', email: 'bo@example.org' } } };
    const first = await timed(request);
    const second = await timed(request);
    expect([first.cache, second.cache]).toEqual([null, null]);
    // A replayed answer would be the first ticket again; run again, it is a second registration.
    expect(first.json.data.register.registration.status).toBe('CONFIRMED');
    expect(second.json.data.register.registration.status).toBe('CONFIRMED');
    expect(second.json.data.register.cancelToken).not.toBe(first.json.data.register.cancelToken);
    const seats = await timed({ query: SEATS, variables: { id: event.globalId } });
    expect(seats.json.data.event.registration.confirmed).toBe(2);
  });

  it('shows a sync\'s change to a feed at once', async () => {
    feeds.set('/calendar.ics', { kind: 'feed', body: oneEventFeed('Family movie night') });
    const { globalId: partnerId } = await createPartner(server.app.db);
    const added = await timed({ query: ADD_SOURCE, variables: { input: { partnerId, format: 'ICALENDAR', url: `${feeds.url}/calendar.ics` } } }, { authorization: admin });
    const sourceId = added.json.data.addSource.id;
    expect((await timed({ query: SYNC, variables: { id: sourceId } }, { authorization: admin })).json.data.syncSource).toMatchObject({ status: 'OK', created: 1 });

    const titles = (r: { json: any }) => r.json.data.events.edges.map((e: any) => e.node.title);
    expect(titles(await timed({ query: UPCOMING, variables: { first: 100 } }))).toContain('Family movie night');
    const cached = await timed({ query: UPCOMING, variables: { first: 100 } });
    expect(cached.cache).toBe('HIT');

    feeds.set('/calendar.ics', { kind: 'feed', body: oneEventFeed('Family movie night (moved to the gym)') });
    // The feed changed, but nothing told the server yet: the cached answer still stands.
    expect(titles(await timed({ query: UPCOMING, variables: { first: 100 } }))).toContain('Family movie night');
    expect((await timed({ query: SYNC, variables: { id: sourceId } }, { authorization: admin })).json.data.syncSource).toMatchObject({ status: 'OK', updated: 1 });
    const after = await timed({ query: UPCOMING, variables: { first: 100 } });
    expect(after.cache).toBe('MISS');
    expect(titles(after)).toContain('Family movie night (moved to the gym)');
    expect(titles(after)).not.toContain('Family movie night');
  });

  it('never answers a key holder from the public cache, and never fills it with what a key may see', async () => {
    const { partner, globalId: partnerId, key } = await createPartner(server.app.db);
    const url = `${feeds.url}/private-calendar.ics`;
    await timed({ query: ADD_SOURCE, variables: { input: { partnerId, format: 'ICALENDAR', url } } }, { authorization: admin });
    const request = { query: SOURCES, variables: { slug: partner.slug } };

    // The partner's own key sees its feed URL (a private field) ...
    const keyed = await timed(request, { authorization: key });
    expect(keyed.json.data.partner.sources).toEqual([{ format: 'ICALENDAR', url }]);
    expect(keyed.cache).toBeNull();
    // ... and the same query without a key must not: a fresh execution, not the key holder's answer.
    const anonymous = await timed(request);
    expect([anonymous.cache, anonymous.json.data.partner.sources]).toEqual(['MISS', [{ format: 'ICALENDAR', url: null }]]);
    expect((await timed(request)).cache).toBe('HIT');
    // Now the public answer is cached; the key holder still gets its own, executed.
    const keyedAgain = await timed(request, { authorization: key });
    expect(keyedAgain.json.data.partner.sources).toEqual([{ format: 'ICALENDAR', url }]);
    expect([keyedAgain.cache, keyedAgain.statements > 0]).toEqual([null, true]);
  });

  it('never caches an answer with errors', async () => {
    const request = { query: SEATS, variables: { id: 'nope' } };
    const first = await timed(request);
    const second = await timed(request);
    expect(first.json.errors?.length).toBeGreaterThan(0);
    expect(second.json).toEqual(first.json);
    expect([first.cache, second.cache]).toEqual(['MISS', 'MISS']);
  });
});
