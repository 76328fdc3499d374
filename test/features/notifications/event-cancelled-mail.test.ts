import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { MailHarness, startMailHarness } from '../../support/mail-harness';
import { CANCEL, insertNativeEvent } from '../../support/native-event';

const CANCEL_EVENT = 'mutation($id: ID!) { cancelEvent(id: $id) { status } }';

/** The library cancels an event (issue 20): one mail per active registration, stored by the cancelling program. */
describeEachBackend('event cancelled mail', (backend) => {
  let h: MailHarness;

  beforeAll(async () => {
    h = await startMailHarness(backend);
  });
  afterAll(() => h.close());

  it('tells every confirmed and waitlisted registrant, in their language, with the date it would have been', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, {
      title: 'Stories & Songs', capacity: 1, waitlistCapacity: 1, timezone: 'America/Chicago',
      startsAt: new Date('2027-03-09T15:30:00Z'), endsAt: new Date('2027-03-09T16:15:00Z'),
    });
    const seated = await h.register(event.globalId, { email: 'seated@example.org' });
    const waiting = await h.register(event.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es' });
    expect(waiting.registration.status).toBe('WAITLISTED');
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;

    const cancelled = await h.graph.execute(CANCEL_EVENT, { id: event.globalId }, { authorization: h.partner.key });
    expect(cancelled.data!.cancelEvent).toEqual({ status: 'CANCELLED' });
    const registrations = await h.graph.db.getRepository(RegistrationEntity).findBy({ eventId: event.id });
    const keys = (await h.graph.db.getRepository(MailOutboxEntity).find()).map((m) => m.idempotencyKey).filter((k) => k.startsWith('event-cancelled:'));
    expect(keys.sort()).toEqual(registrations.map((r) => `event-cancelled:${r.id}`).sort());

    expect(await h.sender.runOnce()).toEqual({ sent: 2, failed: 0, skipped: 0 });
    const [english] = h.arrivedFor('seated@example.org');
    expect(english.subject).toBe('Cancelled: Stories & Songs');
    expect(english.text).toContain('the library has cancelled Stories & Songs');
    expect(english.text).toMatch(/It was planned for: Tue, Mar 9, 2027, 9:30\sAM – 10:15\sAM CST/);
    expect(english.html).toContain('Stories &amp; Songs');
    expect(english.text).not.toContain(seated.cancelToken);
    const [spanish] = h.arrivedFor('ana@example.org');
    expect(spanish.subject).toBe('Cancelado: Stories & Songs');
    expect(spanish.text).toContain('Estaba previsto para:');

    // Cancelling again changes nothing and writes nothing.
    await h.graph.execute(CANCEL_EVENT, { id: event.globalId }, { authorization: h.partner.key });
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });

  it('writes nothing to a registration cancelled by its owner, before or after the event was', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'Chess club' });
    const before = await h.register(event.globalId, { email: 'before@example.org' });
    const after = await h.register(event.globalId, { email: 'after@example.org' });
    await h.graph.execute(CANCEL, { input: { registrationId: before.registration.id, cancelToken: before.cancelToken } });
    await h.graph.execute(CANCEL_EVENT, { id: event.globalId }, { authorization: h.partner.key });
    await h.graph.execute(CANCEL, { input: { registrationId: after.registration.id, cancelToken: after.cancelToken } });

    // Both confirmations (one for a registration cancelled meanwhile) and the one cancellation row.
    expect(await h.sender.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 3 });
    expect(h.arrivedFor('before@example.org')).toEqual([]);
    expect(h.arrivedFor('after@example.org')).toEqual([]);
  });
});
