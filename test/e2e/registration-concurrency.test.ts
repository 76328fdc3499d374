import { describeEachBackend } from '../support/backends';
import { CANCEL, createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

interface Ticket { registration: { id: string; status: string }; cancelToken: string }

// Hundreds of real HTTP requests per test: generous time on a loaded CI machine (no timing is asserted).
jest.setTimeout(120_000);

describeEachBackend('registration under concurrency, over HTTP', (backend) => {
  let server: TestServer;
  let eventId: string;
  let globalId: string;
  const tickets: Ticket[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false });
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 50, waitlistCapacity: 20, maxPartySize: 1 });
    eventId = event.id;
    globalId = event.globalId;
  });
  afterAll(() => server.close());

  const register = (n: number) => server.post({ query: REGISTER, variables: { input: { eventId: globalId, name: `Racer ${n}`, email: `racer${n}@example.org` } } });
  const cancel = (ticket: Ticket) => server.post({ query: CANCEL, variables: { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } } });

  async function expectRowsAgree() {
    const counts = await storedCounts(server.app.db, eventId);
    expect([counts.rows.confirmed, counts.rows.waitlisted]).toEqual([counts.confirmed, counts.waitlisted]);
    // Waitlist places stay distinct, and nobody waits while a seat is free.
    expect(new Set(counts.rows.waitlistPositions).size).toBe(counts.rows.waitlistPositions.length);
    if (counts.waitlisted > 0) expect(counts.confirmed).toBe(50);
    return counts;
  }

  it('gives exactly 50 seats and 20 waitlist places to 500 simultaneous registrations', async () => {
    const responses = await Promise.all(Array.from({ length: 500 }, (_, n) => register(n)));
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const payloads = responses.map((r) => r.json.data.register);
    const outcome = (p: { registration?: { status: string }; code?: string }) => p.registration?.status ?? p.code;
    const tally = payloads.reduce<Record<string, number>>((t, p) => ({ ...t, [outcome(p)!]: (t[outcome(p)!] ?? 0) + 1 }), {});
    expect(tally).toEqual({ CONFIRMED: 50, WAITLISTED: 20, EVENT_FULL: 430 });
    tickets.push(...payloads.filter((p) => p.cancelToken));
    const counts = await expectRowsAgree();
    expect(counts).toMatchObject({ confirmed: 50, waitlisted: 20, rows: { waitlistPositions: Array.from({ length: 20 }, (_, i) => i + 1) } });
  });

  it('promotes exactly the waitlist when 30 confirmed parties cancel at once', async () => {
    const confirmed = tickets.filter((t) => t.registration.status === 'CONFIRMED').slice(0, 30);
    const responses = await Promise.all(confirmed.map(cancel));
    expect(responses.map((r) => r.json.errors)).toEqual(confirmed.map(() => undefined));
    expect(responses.reduce((sum, r) => sum + r.json.data.cancelRegistration.promoted, 0)).toBe(20);
    expect(await expectRowsAgree()).toMatchObject({ confirmed: 40, waitlisted: 0 });
    tickets.splice(0, tickets.length, ...tickets.filter((t) => !confirmed.includes(t)));
  });

  it('never over-allocates while cancellations and 300 registrations race', async () => {
    const before = await storedCounts(server.app.db, eventId);
    const leaving = tickets.slice(0, 10);
    const racing = await Promise.all([
      ...leaving.map(cancel),
      ...Array.from({ length: 300 }, (_, n) => register(1000 + n)),
    ]);
    expect(racing.map((r) => r.json.errors).filter(Boolean)).toEqual([]);
    const issued = racing.filter((r) => r.json.data.register?.cancelToken).length;
    const full = racing.filter((r) => r.json.data.register?.code === 'EVENT_FULL').length;
    expect(issued + full).toBe(300);
    const after = await expectRowsAgree();
    expect(after.confirmed).toBe(50);
    expect(after.waitlisted).toBeLessThanOrEqual(20);
    expect(after.confirmed + after.waitlisted).toBe(before.confirmed + before.waitlisted - leaving.length + issued);
  });
});
