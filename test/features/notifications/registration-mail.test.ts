import { Attachment } from 'mailparser';
import { IsNull } from 'typeorm';
import { MailSender } from '../../../src/features/notifications/mail-sender';
import { mailTemplates } from '../../../src/features/notifications/mail-templates';
import { messageIdOf } from '../../../src/features/notifications/outbox';
import { createMailTransport } from '../../../src/features/notifications/transport';
import { localIdOf } from '../../../src/domain/global-id';
import { createLogger } from '../../../src/logger';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../../support/native-event';
import { startSmtpServer, TestSmtpServer } from '../../support/smtp';

const FROM = 'Millbrook Library <events@library.example>';

/**
 * A registration's confirmation (issue 20): stored by the registering transaction itself, written when
 * sent from the registration as it then stands, and read back from a real SMTP server.
 */
describeEachBackend('registration confirmation mail', (backend) => {
  let graph: TestGraph;
  let smtp: TestSmtpServer;
  let sender: MailSender;
  let transport: ReturnType<typeof createMailTransport>;
  let partnerId: string;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partnerId = (await createPartner(graph.db)).partner.id;
    smtp = await startSmtpServer();
    transport = createMailTransport(smtp.url);
    const deps = { db: graph.db, apiKeys: graph.services.apiKeys, logger: createLogger('silent') };
    sender = new MailSender(graph.db, { transport, from: FROM, templates: mailTemplates(deps, graph.services.eventFeeds) });
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
    await graph.close();
  });
  beforeEach(() => {
    smtp.arrived.length = 0;
  });

  const ticketOf = (result: GraphResult) => {
    expect(result.errors).toBeUndefined();
    return result.data!.register as { __typename: string; cancelToken: string; registration: { id: string; status: string } };
  };
  const register = async (eventId: string, input: Record<string, unknown>) =>
    ticketOf(await graph.execute(REGISTER, { input: { eventId, name: 'Ada Lovelace', email: 'ada@example.org', ...input } }));
  const keyOf = (globalId: string) => `confirmation:${localIdOf('Registration', globalId)}`;
  const outboxOf = (globalId: string) => graph.db.getRepository(MailOutboxEntity).findOneBy({ idempotencyKey: keyOf(globalId) });
  const calendarOf = (attachments: Attachment[]) => attachments.filter((a) => a.contentType === 'text/calendar').map((a) => a.content.toString('utf8'));

  it('confirms a seat in English with the code, the venue time and the event as an .ics file', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, {
      title: 'Stories & Songs <for toddlers>', url: 'https://library.example/events/stories', timezone: 'America/Chicago',
      startsAt: new Date('2027-03-09T15:30:00Z'), endsAt: new Date('2027-03-09T16:15:00Z'),
    });
    const ticket = await register(event.globalId, { partySize: 3 });
    expect(ticket.registration.status).toBe('CONFIRMED');
    const stored = await outboxOf(ticket.registration.id);
    expect(stored).toMatchObject({ to: 'ada@example.org', template: 'registration.confirmation', subject: null, sentAt: null });

    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(smtp.arrived).toHaveLength(1);
    const [mail] = smtp.arrived;
    expect(mail.subject).toBe("You're registered: Stories & Songs <for toddlers>");
    expect(mail.messageId).toBe(messageIdOf(keyOf(ticket.registration.id), 'library.example'));
    expect(mail.text).toContain('Hello Ada Lovelace,');
    expect(mail.text).toContain(`Your registration code: ${ticket.cancelToken}`);
    expect(mail.text).toContain('3 people');
    // 15:30 UTC is 9:30 at the venue (CST, UTC-6).
    expect(mail.text).toMatch(/When: Tue, Mar 9, 2027, 9:30\sAM – 10:15\sAM CST/);
    expect(mail.text).toContain('Event page: https://library.example/events/stories');
    // The link that opens this registration in the widget on the event's page (the code in the fragment only).
    expect(mail.text).toContain(`See or cancel your registration: https://library.example/events/stories#cg-code=${ticket.cancelToken}`);
    expect(mail.html).toContain('Stories &amp; Songs &lt;for toddlers&gt;');
    expect(mail.html).toContain('<a href="https://library.example/events/stories">');
    const [ics] = calendarOf(mail.attachments);
    expect(ics).toContain(`UID:${event.id}@community-graph`);
    expect(ics).toContain('DTSTART:20270309T153000Z');
    expect(ics).toContain('SUMMARY:Stories & Songs <for toddlers>');

    // Sent: the code leaves the outbox; a second look sends nothing.
    expect(await outboxOf(ticket.registration.id)).toMatchObject({ context: null, sentAt: expect.any(Date) });
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });

  it('tells a waitlisted party its place in line, in Spanish when asked, without a calendar file', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { title: 'Taller de robótica', capacity: 1, waitlistCapacity: 4 });
    await register(event.globalId, { email: 'first@example.org' });
    const ticket = await register(event.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es-MX' });
    expect(ticket.registration.status).toBe('WAITLISTED');

    expect(await sender.runOnce()).toEqual({ sent: 2, failed: 0, skipped: 0 });
    const mail = smtp.arrived.find((m) => m.subject?.startsWith('En lista'))!;
    expect(mail.subject).toBe('En lista de espera: Taller de robótica');
    expect(mail.text).toContain('Hola, Ana:');
    expect(mail.text).toContain('con el número 1');
    expect(mail.text).toContain(`Tu código de inscripción: ${ticket.cancelToken}`);
    expect(mail.html).toContain('<html lang="es">');
    expect(calendarOf(mail.attachments)).toEqual([]);
  });

  it('stores one confirmation per registration: none for a refusal, none again for a retry', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 3, waitlistCapacity: 2 });
    // Arriving together: on PostgreSQL they share one statement (register-party.ts).
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => register(event.globalId, { email: `p${i}@example.org`, idempotencyKey: `key-${i}-`.padEnd(32, 'k') })));
    expect(answers.map((a) => a.__typename === 'RegistrationTicket' ? a.registration.status : a.__typename).sort()).toEqual([
      'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'RegistrationRejected', 'RegistrationRejected', 'RegistrationRejected', 'WAITLISTED', 'WAITLISTED',
    ]);
    await register(event.globalId, { email: 'p0@example.org', idempotencyKey: 'key-0-'.padEnd(32, 'k') });
    const registrations = await graph.db.getRepository(RegistrationEntity).findBy({ eventId: event.id });
    const mails = await graph.db.getRepository(MailOutboxEntity).findBy({ sentAt: IsNull(), skippedAt: IsNull() });
    expect(mails.map((m) => m.idempotencyKey).sort()).toEqual(registrations.map((r) => `confirmation:${r.id}`).sort());
    expect(mails.map((m) => m.to).sort()).toEqual(registrations.map((r) => r.email).sort());
    expect(await sender.runOnce()).toEqual({ sent: 5, failed: 0, skipped: 0 });
  });

  it('says nothing for a registration cancelled before its confirmation left', async () => {
    const event = await insertNativeEvent(graph.db, partnerId);
    const ticket = await register(event.globalId, {});
    const cancelled = await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } });
    expect(cancelled.errors).toBeUndefined();

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(smtp.arrived).toEqual([]);
    expect(await outboxOf(ticket.registration.id)).toMatchObject({ sentAt: null, skippedAt: expect.any(Date), context: null });
  });

  it('refuses a language that is not a BCP 47 tag, and registers nothing', async () => {
    const event = await insertNativeEvent(graph.db, partnerId);
    const result = await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'Ada', email: 'ada@example.org', language: 'Spanish please' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graph.db.getRepository(RegistrationEntity).countBy({ eventId: event.id })).toBe(0);
  });
});
