import { localIdOf } from '../../../src/domain/global-id';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { describeEachBackend } from '../../support/backends';
import { MailHarness, startMailHarness } from '../../support/mail-harness';
import { CANCEL, insertNativeEvent } from '../../support/native-event';

const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { registration { confirmed waitlisted } } }';

/** A waitlisted registration confirmed because seats freed (issue 20): its mail, stored by the promoting program. */
describeEachBackend('waitlist promotion mail', (backend) => {
  let h: MailHarness;

  beforeAll(async () => {
    h = await startMailHarness(backend);
  });
  afterAll(() => h.close());

  const promotionRow = (globalId: string) =>
    h.graph.db.getRepository(MailOutboxEntity).findOneBy({ idempotencyKey: `promotion:${localIdOf('Registration', globalId)}` });
  /** Sends the confirmations of the registrations made so far, so a test reads only what follows. */
  const drain = async () => {
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;
  };

  it('tells the promoted person, in their language, that their place became a seat, with the .ics and no code', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, {
      title: 'Taller de robótica', capacity: 1, waitlistCapacity: 2, url: 'https://library.example/events/robots',
    });
    const first = await h.register(event.globalId, { email: 'first@example.org' });
    const waiting = await h.register(event.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es-MX' });
    expect(waiting.registration.status).toBe('WAITLISTED');
    await drain();
    expect(await promotionRow(waiting.registration.id)).toBeNull();

    const cancelled = await h.graph.execute(CANCEL, { input: { registrationId: first.registration.id, cancelToken: first.cancelToken } });
    expect(cancelled.errors).toBeUndefined();
    expect(await promotionRow(waiting.registration.id)).toMatchObject({ to: 'ana@example.org', template: 'registration.promotion', language: 'es-MX' });
    // The cancelled person was not promoted: no row of theirs.
    expect(await promotionRow(first.registration.id)).toBeNull();

    expect(await h.sender.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    const [mail] = h.arrivedFor('ana@example.org');
    expect(mail.subject).toBe('Tienes plaza: Taller de robótica');
    expect(mail.text).toContain('Hola, Ana:');
    expect(mail.text).toContain('es ahora una inscripción confirmada');
    expect(mail.text).toContain('usa el código de inscripción de tu primer correo');
    expect(mail.text).not.toContain(waiting.cancelToken);
    expect(mail.text).toContain('Página del evento: https://library.example/events/robots');
    expect(mail.html).toContain('<html lang="es">');
    const ics = mail.attachments.filter((a) => a.contentType === 'text/calendar').map((a) => a.content.toString('utf8'));
    expect(ics).toHaveLength(1);
    expect(ics[0]).toContain(`UID:${event.id}@community-graph`);
  });

  it('stores one mail per registration a capacity change promotes, and skips one cancelled before it left', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'Book club', capacity: 1, waitlistCapacity: 3 });
    await h.register(event.globalId, { email: 'seated@example.org' });
    const second = await h.register(event.globalId, { email: 'second@example.org' });
    const third = await h.register(event.globalId, { email: 'third@example.org' });
    const fourth = await h.register(event.globalId, { email: 'fourth@example.org' });
    await drain();

    const grown = await h.graph.execute(UPDATE, { id: event.globalId, input: { capacity: 3 } }, { authorization: h.partner.key });
    expect(grown.errors).toBeUndefined();
    expect(grown.data!.updateEvent).toEqual({ registration: { confirmed: 3, waitlisted: 1 } });
    expect(await promotionRow(second.registration.id)).not.toBeNull();
    expect(await promotionRow(third.registration.id)).not.toBeNull();
    expect(await promotionRow(fourth.registration.id)).toBeNull();
    await h.graph.execute(CANCEL, { input: { registrationId: third.registration.id, cancelToken: third.cancelToken } });

    // The third's cancellation promoted the fourth: three promotion rows, one of them now moot.
    expect(await h.sender.runOnce()).toEqual({ sent: 2, failed: 0, skipped: 1 });
    expect(h.arrivedFor('second@example.org').map((m) => m.subject)).toEqual(['A seat is yours: Book club']);
    expect(h.arrivedFor('fourth@example.org').map((m) => m.subject)).toEqual(['A seat is yours: Book club']);
    expect(h.arrivedFor('third@example.org')).toEqual([]);
    const [mail] = h.arrivedFor('second@example.org');
    expect(mail.text).toContain('your place on the waitlist for Book club is now a confirmed registration');
    expect(mail.text).toContain('use the registration code from your first email');
  });
});
