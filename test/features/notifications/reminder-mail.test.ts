import { localIdOf } from '../../../src/domain/global-id';
import { ReminderPlanner } from '../../../src/features/notifications/reminder-planner';
import { EventEntity } from '../../../src/model/event.entity';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { describeEachBackend } from '../../support/backends';
import { MailHarness, startMailHarness } from '../../support/mail-harness';
import { CANCEL, insertNativeEvent } from '../../support/native-event';

const HOUR = 3_600_000;
const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { title } }';

/**
 * Reminders (issue 20): planned by the sender before each look for confirmed registrations of events
 * within their window (default 24 h, per event), on a clock the test moves.
 */
describeEachBackend('reminder mail', (backend) => {
  let h: MailHarness;

  beforeAll(async () => {
    h = await startMailHarness(backend);
  });
  afterAll(() => h.close());
  afterEach(() => {
    h.clock.now = null;
  });

  const reminderRow = (globalId: string) =>
    h.graph.db.getRepository(MailOutboxEntity).findOneBy({ idempotencyKey: `reminder:${localIdOf('Registration', globalId)}` });
  /** An event starting `days` from now, each test its own (the clock of one must not remind another's). */
  const eventIn = (days: number, overrides: Partial<EventEntity> = {}) => {
    const startsAt = new Date(Date.now() + days * 24 * HOUR);
    return insertNativeEvent(h.graph.db, h.partner.partner.id, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), ...overrides });
  };
  const at = (event: EventEntity, hoursBefore: number) => {
    h.clock.now = new Date(event.startsAt.getTime() - hoursBefore * HOUR);
  };

  it('reminds confirmed registrants once, 24 hours before by default, and no waitlisted one', async () => {
    const event = await eventIn(3, { title: 'Coding club', capacity: 1, waitlistCapacity: 1, url: 'https://library.example/events/coding' });
    const seated = await h.register(event.globalId, { email: 'seated@example.org' });
    const waiting = await h.register(event.globalId, { email: 'waiting@example.org' });
    expect(waiting.registration.status).toBe('WAITLISTED');
    await h.sender.runOnce();
    expect(await reminderRow(seated.registration.id)).toBeNull();

    at(event, 25);
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    at(event, 23);
    expect(await h.sender.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    const [reminder] = h.arrivedFor('seated@example.org').filter((m) => m.subject?.startsWith('Reminder'));
    expect(reminder.subject).toBe('Reminder: Coding club');
    expect(reminder.text).toContain('A reminder that you are registered for Coding club.');
    expect(reminder.text).toContain('Event page: https://library.example/events/coding');
    expect(reminder.text).not.toContain(seated.cancelToken);
    expect(reminder.html).toContain('<html lang="en-US">');
    expect(h.arrivedFor('waiting@example.org').filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);
    expect(await reminderRow(waiting.registration.id)).toBeNull();

    at(event, 1);
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });

  it('follows the event\'s own reminderHours (set through updateEvent), in the registrant\'s language; 0 sends none', async () => {
    const early = await eventIn(5, { title: 'Club de lectura' });
    const none = await eventIn(6, { title: 'Quiet hour' });
    const ana = await h.register(early.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es' });
    const bo = await h.register(none.globalId, { email: 'bo@example.org' });
    await h.sender.runOnce();
    for (const [event, hours] of [[early, 48], [none, 0]] as const) {
      const result = await h.graph.execute(UPDATE, { id: event.globalId, input: { reminderHours: hours } }, { authorization: h.partner.key });
      expect(result.errors).toBeUndefined();
    }
    expect(await h.graph.db.getRepository(EventEntity).findOneByOrFail({ id: early.id })).toMatchObject({ reminderHours: 48 });

    at(early, 49);
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    at(early, 47);
    expect(await h.sender.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    const [mail] = h.arrivedFor('ana@example.org').filter((m) => m.subject?.startsWith('Recordatorio'));
    expect(mail.subject).toBe('Recordatorio: Club de lectura');
    expect(mail.text).toContain('Hola, Ana:');
    expect(mail.html).toContain('<html lang="es">');

    at(none, 1);
    await h.sender.runOnce();
    expect(await reminderRow(bo.registration.id)).toBeNull();
    expect(h.arrivedFor('bo@example.org').filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);
  });

  it('refuses a reminderHours outside 0..336', async () => {
    const event = await eventIn(9);
    for (const hours of [-1, 337]) {
      const result = await h.graph.execute(UPDATE, { id: event.globalId, input: { reminderHours: hours } }, { authorization: h.partner.key });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.reminderHours' } });
    }
  });

  it('skips a planned reminder when the registration was cancelled, the event cancelled, or it has started', async () => {
    const event = await eventIn(10, { title: 'Movie night' });
    const cancelled = await h.register(event.globalId, { email: 'cancelled@example.org' });
    const late = await h.register(event.globalId, { email: 'late@example.org' });
    await h.sender.runOnce();
    at(event, 2);
    await new ReminderPlanner(h.graph.db).plan(h.clock.now!);
    expect(await reminderRow(cancelled.registration.id)).not.toBeNull();
    expect(await reminderRow(late.registration.id)).not.toBeNull();
    await h.graph.execute(CANCEL, { input: { registrationId: cancelled.registration.id, cancelToken: cancelled.cancelToken } });

    at(event, -0.1);
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 2 });

    h.clock.now = null;
    const other = await eventIn(11, { title: 'Cancelled talk' });
    const someone = await h.register(other.globalId, { email: 'someone@example.org' });
    await h.sender.runOnce();
    at(other, 2);
    await new ReminderPlanner(h.graph.db).plan(h.clock.now!);
    expect(await reminderRow(someone.registration.id)).not.toBeNull();
    await h.graph.execute('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: other.globalId }, { authorization: h.partner.key });
    // The cancellation is sent, the reminder skipped.
    expect(await h.sender.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 1 });
    expect(h.arrivedFor('someone@example.org').map((m) => m.subject)).toEqual(['You\'re registered: Cancelled talk', 'Cancelled: Cancelled talk']);
  });
});
