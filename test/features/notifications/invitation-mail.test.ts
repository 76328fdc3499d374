import { WaitlistMode } from '../../../src/domain/enums';
import { localIdOf } from '../../../src/domain/global-id';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { MailHarness, startMailHarness } from '../../support/mail-harness';
import { CANCEL, insertNativeEvent } from '../../support/native-event';

const CLAIM = 'mutation($input: CancelRegistrationInput!) { claimInvitation(input: $input) { status } }';

/** INVITE waitlists (issue 20): what the waitlisted and the invited read, through a real SMTP server. */
describeEachBackend('waitlist invitation mail', (backend) => {
  let h: MailHarness;

  beforeAll(async () => {
    h = await startMailHarness(backend);
  });
  afterAll(() => h.close());

  it('tells a waitlisted party it will be invited, invites it with the deadline at the venue, and confirms its claim', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, {
      title: 'Quilting circle', capacity: 1, waitlistCapacity: 2, waitlistMode: WaitlistMode.INVITE, inviteHours: 24, timezone: 'America/Chicago',
    });
    const first = await h.register(event.globalId, { email: 'first@example.org' });
    const ana = await h.register(event.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es' });
    const bo = await h.register(event.globalId, { email: 'bo@example.org', name: 'Bo' });
    await h.sender.runOnce();
    expect(h.arrivedFor('bo@example.org').map((m) => m.text)).toEqual([expect.stringContaining('we email you an invitation to claim it within a time limit')]);
    expect(h.arrivedFor('ana@example.org')[0].text).toContain('te enviaremos una invitación para reclamarla');

    const cancelledAt = Date.now();
    expect((await h.graph.execute(CANCEL, { input: { registrationId: first.registration.id, cancelToken: first.cancelToken } })).errors).toBeUndefined();
    await h.sender.runOnce();
    const [invitation] = h.arrivedFor('ana@example.org').slice(1);
    expect(invitation.subject).toBe('Hay una plaza para ti: Quilting circle');
    expect(invitation.text).toContain('Hola, Ana:');
    expect(invitation.text).toContain('y es tuya si la reclamas antes de:');
    // The deadline is told at the venue, in its zone: the stored invitedUntil, 24 hours after the cancellation.
    const until = (await h.graph.db.getRepository(RegistrationEntity).findOneByOrFail({ id: localIdOf('Registration', ana.registration.id) })).invitedUntil!;
    expect(Math.abs(until.getTime() - cancelledAt - 24 * 3_600_000)).toBeLessThan(60_000);
    const venueTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(until);
    expect(invitation.text).toMatch(new RegExp(`antes de: [^.]*${venueTime} GMT-[56]\\.`));
    expect(h.arrivedFor('bo@example.org')).toHaveLength(1);

    // Claimed: the promotion mail confirms it.
    expect((await h.graph.execute(CLAIM, { input: { registrationId: ana.registration.id, cancelToken: ana.cancelToken } })).data).toEqual({ claimInvitation: { status: 'CONFIRMED' } });
    await h.sender.runOnce();
    expect(h.arrivedFor('ana@example.org').map((m) => m.subject)).toEqual([
      'En lista de espera: Quilting circle', 'Hay una plaza para ti: Quilting circle', 'Tienes plaza: Quilting circle',
    ]);
    expect(bo.registration.status).toBe('WAITLISTED');
  });
});
