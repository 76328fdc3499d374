import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { WaitlistMode } from '../../src/domain/enums';
import { EventEntity } from '../../src/model/event.entity';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { localIdOf } from '../../src/domain/global-id';
import { momentText } from '../../src/edge/browser/widget/format';
import { CANCEL, insertNativeEvent } from '../support/native-event';
import { ARTIFACTS, startWidgetFixture, WidgetFixture } from '../support/widget-fixture';

/** The text of the element focused inside the widget's shadow root. */
const focusedText = (page: Page) => page.evaluate(() => document.querySelector('.community-graph-events')!.shadowRoot!.activeElement?.textContent ?? null);

/**
 * The manage view on an INVITE waitlist (issue 20): a waitlisted party whose seat is offered sees the
 * offer and its deadline at the venue and claims the seat with its registration code
 * (Mutation.claimInvitation); an offer that is gone is explained, and nothing changes.
 */
describe('the widget\'s manage view: an invited party claims the seat offered', () => {
  let fixture: WidgetFixture;
  let server: WidgetFixture['server'];
  let partnerId: string;

  beforeAll(async () => {
    fixture = await startWidgetFixture('claim-fixture');
    ({ server, partnerId } = fixture);
  });
  afterAll(() => fixture?.close());

  const registerByApi = (eventId: string, email: string) => fixture.registerByApi(eventId, email);
  const registrationRow = (globalId: string) =>
    server.app.db.getRepository(RegistrationEntity).findOneByOrFail({ id: localIdOf('Registration', globalId) });
  const eventRow = (id: string) => server.app.db.getRepository(EventEntity).findOneByOrFail({ id });

  /**
   * A 1-seat INVITE event whose first registrant cancelled through the API, so the second is invited;
   * the third stays in line behind it, not invited.
   */
  async function invitedSecond(title: string) {
    const event = await insertNativeEvent(server.app.db, partnerId, { title, capacity: 1, waitlistCapacity: 3, maxPartySize: 1, waitlistMode: WaitlistMode.INVITE });
    const first = await registerByApi(event.globalId, 'first@example.org');
    const second = await registerByApi(event.globalId, 'second@example.org');
    const third = await registerByApi(event.globalId, 'third@example.org');
    const cancelled = await server.post({ query: CANCEL, variables: { input: { registrationId: first.id, cancelToken: first.code } } });
    expect(cancelled.json.data.cancelRegistration.registration.status).toBe('CANCELLED');
    const invited = await registrationRow(second.id);
    expect(invited.status).toBe('WAITLISTED');
    expect(invited.invitedUntil!.getTime()).toBeGreaterThan(Date.now());
    return { event, second, third, invitedUntil: invited.invitedUntil! };
  }

  /** The widget, "Have a registration code?" opened and `code` looked up from the keyboard alone. */
  async function lookUp(title: string, code: string): Promise<{ page: Page; manage: Locator }> {
    const { page } = await fixture.open(title);
    await page.locator('.community-graph-events').getByRole('button', { name: 'Have a registration code?' }).click();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    const manage = page.locator('.community-graph-events form[aria-label="Look up a registration"]');
    await manage.getByRole('heading', { name: title }).waitFor({ timeout: 15000 });
    return { page, manage };
  }

  // Intl may put a narrow no-break space before AM/PM; Node's and Chromium's ICU need not agree.
  const spaced = (text: string | null) => (text ?? '').replace(/\u202f/g, ' ');

  it('shows the offer with its deadline at the venue, claims it from the keyboard, and the seat is confirmed', async () => {
    const { event, second, third, invitedUntil } = await invitedSecond('Claim: kite making');
    const { page, manage } = await lookUp('Claim: kite making', second.code);
    await manage.getByText('Status: On the waitlist, with a seat offered to you').waitFor({ timeout: 15000 });
    const offer = manage.getByText(/^A seat is offered to you until /);
    expect(spaced(await offer.textContent())).toBe(spaced(`A seat is offered to you until ${momentText(invitedUntil.toISOString(), 'America/Chicago', 'en-US')}.`));
    expect(spaced(await offer.textContent())).toMatch(/^A seat is offered to you until \w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M C[SD]T\.$/);
    expect(await manage.getByRole('button', { name: 'Cancel my registration' }).isVisible()).toBe(true);
    expect(await focusedText(page)).toContain('Status: On the waitlist, with a seat offered to you');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-claim-offer.png'), fullPage: true });

    // From the focused result box: Tab reaches Claim my seat first, Enter presses it.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Claim my seat');
    await page.keyboard.press('Enter');
    const status = manage.getByRole('status');
    await status.filter({ hasText: 'The seat is yours: your registration is confirmed.' }).waitFor({ timeout: 15000 });
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await manage.getByText('Status: Confirmed').isVisible()).toBe(true);
    expect(await offer.count()).toBe(0);
    expect(await manage.getByRole('button', { name: 'Claim my seat' }).count()).toBe(0);
    expect(await focusedText(page)).toContain('The seat is yours: your registration is confirmed.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-claim-confirmed.png'), fullPage: true });

    expect((await registrationRow(second.id)).status).toBe('CONFIRMED');
    expect((await eventRow(event.id)).confirmedCount).toBe(1);

    // The party behind it was never invited: it sees its place in line, and no offer.
    const behind = await lookUp('Claim: kite making', third.code);
    await behind.manage.getByText('Status: On the waitlist, number 1 in line').waitFor({ timeout: 15000 });
    expect(await behind.manage.getByText(/offered/).count()).toBe(0);
    expect(await behind.manage.getByRole('button', { name: 'Claim my seat' }).count()).toBe(0);
    await page.context().close();
    await behind.page.context().close();
  });

  it('says why when the invitation lapsed while the page was open, shows where the registration stands now, and changes nothing', async () => {
    const { event, second } = await invitedSecond('Claim: late letter');
    const { page, manage } = await lookUp('Claim: late letter', second.code);
    const claim = manage.getByRole('button', { name: 'Claim my seat' });
    await claim.waitFor({ timeout: 15000 });
    // The invitation ends before the click. Only the registration's own deadline moves (the held seat
    // keeps its time), so the waitlist sweeper does not pass the seat on during the test.
    await server.app.db.getRepository(RegistrationEntity).update({ id: localIdOf('Registration', second.id) }, { invitedUntil: new Date(Date.now() - 1000) });
    await claim.click();
    const status = manage.getByRole('status');
    await status.filter({ hasText: /^This registration has no open invitation to claim/ }).waitFor({ timeout: 15000 });
    expect(await status.textContent()).toMatch(/^This registration has no open invitation to claim: its invitation ended at \d{4}-\d\d-\d\dT[\d:.]+Z\.$/);
    // Refreshed: the ended invitation is no offer; the party is back to its place in line.
    expect(await manage.getByText('Status: On the waitlist, number 1 in line').isVisible()).toBe(true);
    expect(await manage.getByText(/^A seat is offered/).count()).toBe(0);
    expect(await claim.count()).toBe(0);
    expect(await focusedText(page)).toContain('This registration has no open invitation to claim');

    expect((await registrationRow(second.id)).status).toBe('WAITLISTED');
    expect((await eventRow(event.id)).confirmedCount).toBe(0);
    await page.context().close();
  });
});
