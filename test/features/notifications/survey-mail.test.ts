import { describeEachBackend } from '../../support/backends';
import { MAIL_PUBLIC_URL, MailHarness, startMailHarness } from '../../support/mail-harness';
import { newId } from '../../../src/domain/ids';
import { ServiceArea, SurveyRound } from '../../../src/domain/survey';
import { SurveyEntity } from '../../../src/model/survey.entity';
import { SurveyLinkEntity } from '../../../src/model/survey-link.entity';
import { insertNativeEvent } from '../../support/native-event';

const CHECK_IN = 'mutation($id: ID!) { checkIn(registrationId: $id) { attended } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { registration { surveyUrl } } }';

/** The survey link after the event (issue 20): an hour after it ends, to those who came, through a real SMTP server. */
describeEachBackend('survey mail after the event', (backend) => {
  let h: MailHarness;

  beforeAll(async () => {
    h = await startMailHarness(backend);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    // Earlier registrations' confirmations, then a clean slate for what each test reads.
    h.clock.now = null;
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;
  });

  const soon = () => ({ startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 2 * 3_600_000) });
  const surveysTo = () => h.smtp.arrived.filter((m) => /How was it|Qué te pareció/.test(m.subject ?? '')).map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort();

  it('asks every confirmed registrant an hour after the end when nobody was checked in, in their language, never the waitlist', async () => {
    const times = soon();
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, {
      title: 'Bird walk', capacity: 2, waitlistCapacity: 2, surveyUrl: 'https://forms.example.org/bird-walk?x=1&y=2', ...times,
    });
    await h.register(event.globalId, { email: 'al@example.org', name: 'Al' });
    await h.register(event.globalId, { email: 'ana@example.org', name: 'Ana', language: 'es' });
    expect((await h.register(event.globalId, { email: 'wait@example.org' })).registration.status).toBe('WAITLISTED');
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;

    h.clock.now = new Date(times.endsAt.getTime() + 59 * 60_000);
    await h.sender.runOnce();
    expect(surveysTo()).toEqual([]);
    h.clock.now = new Date(times.endsAt.getTime() + 61 * 60_000);
    await h.sender.runOnce();
    expect(surveysTo()).toEqual(['al@example.org', 'ana@example.org']);
    const spanish = h.arrivedFor('ana@example.org')[0];
    expect(spanish.subject).toBe('¿Qué te pareció? Bird walk');
    expect(spanish.text).toContain('Encuesta: https://forms.example.org/bird-walk?x=1&y=2');
    expect(spanish.html).toContain('<a href="https://forms.example.org/bird-walk?x=1&amp;y=2">');
    // Once: a later look plans nothing again.
    h.clock.now = new Date(times.endsAt.getTime() + 3 * 3_600_000);
    await h.sender.runOnce();
    expect(surveysTo()).toHaveLength(2);
  });

  it('asks only those checked in when staff used check-in, and nobody for an event without a survey or long over', async () => {
    const times = soon();
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'Tide pools', capacity: 5, surveyUrl: 'https://forms.example.org/tides', ...times });
    const came = await h.register(event.globalId, { email: 'came@example.org' });
    await h.register(event.globalId, { email: 'absent@example.org' });
    const checked = await h.graph.execute(CHECK_IN, { id: came.registration.id }, { authorization: h.partner.key });
    expect(checked.data).toEqual({ checkIn: { attended: true } });
    const plain = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'No survey', ...times });
    await h.register(plain.globalId, { email: 'plain@example.org' });
    const old = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'Old one', surveyUrl: 'https://forms.example.org/old', ...times });
    await h.register(old.globalId, { email: 'old@example.org' });
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;
    // The old event's end is pushed back eight days, as if the server had been down since.
    await h.graph.db.getRepository('event').update({ id: old.id }, { endsAt: new Date(times.endsAt.getTime() - 8 * 86_400_000) });

    h.clock.now = new Date(times.endsAt.getTime() + 2 * 3_600_000);
    await h.sender.runOnce();
    expect(surveysTo()).toEqual(['came@example.org']);
  });

  it('takes only an http(s) survey link, and clears it with null', async () => {
    const event = await insertNativeEvent(h.graph.db, h.partner.partner.id, soon());
    const auth = { authorization: h.partner.key };
    const bad = await h.graph.execute(UPDATE, { id: event.globalId, input: { surveyUrl: 'javascript:alert(1)' } }, auth);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await h.graph.execute(UPDATE, { id: event.globalId, input: { surveyUrl: 'https://forms.example.org/s' } }, auth)).data)
      .toEqual({ updateEvent: { registration: { surveyUrl: 'https://forms.example.org/s' } } });
    expect((await h.graph.execute(UPDATE, { id: event.globalId, input: { surveyUrl: null } }, auth)).data)
      .toEqual({ updateEvent: { registration: { surveyUrl: null } } });
  });

  /** Attaches an IMMEDIATE survey of ours to an event, or to the partner's events in a category. */
  const attach = (target: { eventId: string } | { category: string }) => h.graph.db.getRepository(SurveyEntity).insert({
    id: newId(), partnerId: h.partner.partner.id, serviceArea: ServiceArea.JOB_SKILLS, round: SurveyRound.IMMEDIATE,
    eventId: null, seriesId: null, category: null, ...target, createdAt: new Date(),
  });

  it('links to our survey page with a fresh one-use token per registrant when the event asks one of our surveys', async () => {
    const times = soon();
    const ours = await insertNativeEvent(h.graph.db, h.partner.partner.id, { title: 'CV clinic', capacity: 5, ...times });
    const both = await insertNativeEvent(h.graph.db, h.partner.partner.id, {
      title: 'Interview practice', capacity: 5, surveyUrl: 'https://forms.example.org/old-form', categories: ['Job Help'], ...times,
    });
    await attach({ eventId: ours.id });
    await attach({ category: 'job help' });
    await h.register(ours.globalId, { email: 'bo@example.org' });
    await h.register(ours.globalId, { email: 'cy@example.org' });
    await h.register(both.globalId, { email: 'di@example.org' });
    await h.sender.runOnce();
    h.smtp.arrived.length = 0;

    h.clock.now = new Date(times.endsAt.getTime() + 61 * 60_000);
    await h.sender.runOnce();
    expect(surveysTo()).toEqual(['bo@example.org', 'cy@example.org', 'di@example.org']);
    const code = (await h.graph.db.getRepository(SurveyLinkEntity).findOneByOrFail({ eventId: ours.id })).code;
    const linkIn = (address: string) => {
      const mail = h.arrivedFor(address)[0];
      const found = /Survey: (https:\/\/\S+)/.exec(mail.text ?? '');
      expect(found).not.toBeNull();
      expect(mail.html).toContain(`<a href="${found![1]}">`);
      return new URL(found![1]);
    };
    const bo = linkIn('bo@example.org');
    const cy = linkIn('cy@example.org');
    for (const link of [bo, cy]) {
      expect(`${link.origin}${link.pathname}`).toBe(`${MAIL_PUBLIC_URL}/s/${code}`);
      expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(bo.searchParams.get('token')).not.toBe(cy.searchParams.get('token'));
    // The category's survey of ours replaces the old external form.
    expect(linkIn('di@example.org').pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{8}$/);
    expect(h.arrivedFor('di@example.org')[0].text).not.toContain('forms.example.org');

    // Each token is a fresh one of this occurrence (stored as its hash, unused), and of no other.
    const tokenState = (eventId: string, link: URL) => h.graph.services.surveys.tokenUsed(eventId, link.searchParams.get('token')!);
    expect(await tokenState(ours.id, bo)).toBe(false);
    expect(await tokenState(ours.id, cy)).toBe(false);
    expect(await tokenState(both.id, bo)).toBeNull();
  });
});
