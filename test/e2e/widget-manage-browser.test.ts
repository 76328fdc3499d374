import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startPartnerSite } from '../support/partner-site';
import { startTestServer } from '../support/server';
import { ARTIFACTS, startWidgetFixture, WidgetFixture } from '../support/widget-fixture';

/** The text of the element focused inside the widget's shadow root. */
const focusedText = (page: Page) => page.evaluate(() => document.querySelector('.community-graph-events')!.shadowRoot!.activeElement?.textContent ?? null);

/**
 * The widget's manage view against the real API: a registrant looks up their registration with the
 * code shown after registering (Query.myRegistration) and cancels it (Mutation.cancelRegistration).
 */
describe('the widget\'s manage view: a registrant sees and cancels their own registration', () => {
  let fixture: WidgetFixture;
  let server: WidgetFixture['server'];
  let partnerId: string;

  beforeAll(async () => {
    fixture = await startWidgetFixture('manage-fixture');
    ({ server, partnerId } = fixture);
  });
  afterAll(() => fixture?.close());

  const manageOf = (page: Page): Locator => page.locator('.community-graph-events form[aria-label="Look up a registration"]');
  async function openWidget(title: string, hash?: string): Promise<{ page: Page; article: Locator; manage: Locator }> {
    const { page, article } = await fixture.open(title, { hash });
    return { page, article, manage: manageOf(page) };
  }
  const registerByApi = async (eventId: string, email: string): Promise<string> => (await fixture.registerByApi(eventId, email)).code;

  it('opens the registration from a confirmation email\'s link (#cg-code=…) and takes the code out of the address bar', async () => {
    const event = await insertNativeEvent(server.app.db, partnerId, { title: 'Manage: linked story hour', capacity: 4, maxPartySize: 1 });
    const code = await registerByApi(event.globalId, 'linked@example.org');
    const { page, manage } = await openWidget('Manage: linked story hour', `#cg-code=${code}`);
    await manage.getByText('Status: Confirmed').waitFor({ timeout: 15000 });
    expect(await manage.getByRole('heading', { name: 'Manage: linked story hour' }).isVisible()).toBe(true);
    expect(await manage.getByLabel('Registration code').inputValue()).toBe(code);
    expect(await page.evaluate(() => location.href)).toBe(`${fixture.site.url}/events.html`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-manage-linked.png'), fullPage: true });
    await page.context().close();
  });

  it('registers, opens "Manage my registration" with the code filled in, cancels after a second click, and the seat comes back', async () => {
    await insertNativeEvent(server.app.db, partnerId, { title: 'Manage: puppet show', capacity: 3, maxPartySize: 1 });
    const { page, article, manage } = await openWidget('Manage: puppet show');
    expect(await article.getByText('3 spots left').count()).toBe(1);
    await article.getByRole('button', { name: 'Register for Manage: puppet show' }).click();
    await article.getByLabel('Name').fill('Grace Hopper');
    await article.getByLabel('Email').fill('grace@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    const confirmation = article.getByRole('status').filter({ hasText: /^You are registered \(confirmed\)\. To cancel later, keep this code: (\S{32})$/ });
    await confirmation.waitFor({ timeout: 15000 });
    const code = (await confirmation.textContent())!.slice(-32);
    await article.getByText('2 spots left').waitFor({ timeout: 30_000 });

    await article.getByRole('button', { name: 'Manage my registration' }).click();
    await manage.getByText('Status: Confirmed').waitFor({ timeout: 15000 });
    expect(await manage.isVisible()).toBe(true);
    expect(await manage.getByLabel('Registration code').inputValue()).toBe(code);
    expect(await manage.getByRole('heading', { name: 'Manage: puppet show' }).isVisible()).toBe(true);
    expect(await manage.getByText('1 person').isVisible()).toBe(true);
    // From start to end at the venue, named with its zone (the event is in America/Chicago), as the list shows it.
    expect(await manage.getByText(/\d{4}, \d{1,2}:\d{2} [AP]M – \d{1,2}:\d{2} [AP]M C[SD]T$/).isVisible()).toBe(true);
    // Nothing personal about the registrant is shown, even to the holder of the code.
    expect(await manage.textContent()).not.toMatch(/Grace|grace@example\.org/);
    // Focus moved to the result.
    expect(await focusedText(page)).toContain('Status: Confirmed');

    // First click only asks; nothing is cancelled yet.
    await manage.getByRole('button', { name: 'Cancel my registration' }).click();
    const yes = manage.getByRole('button', { name: 'Yes, cancel' });
    expect(await yes.isVisible()).toBe(true);
    expect(await article.getByText('2 spots left').count()).toBe(1);
    expect(await manage.getByText('Status: Confirmed').count()).toBe(1);
    await yes.click();
    await manage.getByRole('status').filter({ hasText: 'Your registration is cancelled.' }).waitFor({ timeout: 15000 });
    expect(await manage.getByRole('status').textContent()).toBe('Your registration is cancelled.');
    expect(await manage.getByText('Status: Cancelled').isVisible()).toBe(true);
    expect(await manage.getByRole('button', { name: /cancel/i }).count()).toBe(0);
    expect(await focusedText(page)).toContain('Your registration is cancelled.');
    // The live seat count in the list goes back up.
    await article.getByText('3 spots left').waitFor({ timeout: 30_000 });
  });

  it('looks up a code typed into "Have a registration code?": a waitlisted party sees its place in line', async () => {
    const event = await insertNativeEvent(server.app.db, partnerId, { title: 'Manage: tiny robot lab', capacity: 1, waitlistCapacity: 3, maxPartySize: 1 });
    await registerByApi(event.globalId, 'first@example.org');
    await registerByApi(event.globalId, 'second@example.org');
    const code = await registerByApi(event.globalId, 'third@example.org');
    const { page, manage } = await openWidget('Manage: tiny robot lab');
    // Closed on load, as a person sees it.
    const toggle = page.locator('.community-graph-events').getByRole('button', { name: 'Have a registration code?' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await manage.isVisible()).toBe(false);
    expect(await manage.evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await focusedText(page)).toBe('');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await manage.getByText('Status: On the waitlist, number 2 in line').waitFor({ timeout: 15000 });
    expect(await manage.getByRole('heading', { name: 'Manage: tiny robot lab' }).isVisible()).toBe(true);
    expect(await manage.getByRole('button', { name: 'Cancel my registration' }).isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/widget-manage.png', fullPage: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-manage.png'), fullPage: true });
  });

  it('says "No registration has that code." for an unknown code, and explains a malformed one at its field', async () => {
    await insertNativeEvent(server.app.db, partnerId, { title: 'Manage: quiet reading' });
    const { page, manage } = await openWidget('Manage: quiet reading');
    await page.locator('.community-graph-events').getByRole('button', { name: 'Have a registration code?' }).click();
    const codeField = manage.getByLabel('Registration code');
    await codeField.fill('A'.repeat(32));
    await manage.getByRole('button', { name: 'Look up' }).click();
    await manage.getByRole('status').filter({ hasText: 'No registration has that code.' }).waitFor({ timeout: 15000 });
    expect(await manage.getByRole('status').isVisible()).toBe(true);
    expect(await focusedText(page)).toBe('No registration has that code.');

    await codeField.fill('not-a-code');
    await manage.getByRole('button', { name: 'Look up' }).click();
    const message = manage.getByText('A registration code is 32 letters, digits, - or _, as shown after registering.');
    await message.waitFor({ timeout: 15000 });
    expect(await message.isVisible()).toBe(true);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, and focus is back on the field to fix it.
    expect(await codeField.evaluate((el) => (el as HTMLInputElement).labels![0].textContent)).toBe('Registration code');
    expect(await codeField.evaluate((el) => el.getAttribute('aria-describedby') && (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby')!)!.textContent))
      .toBe('A registration code is 32 letters, digits, - or _, as shown after registering.');
    expect(await codeField.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await manage.getByRole('status').textContent()).toBe('');
  });
});

describe('the widget\'s manage view past the register rate limit', () => {
  it('says "Too many tries; wait a minute." once the shared register budget is spent', async () => {
    const server = await startTestServer('sqlite', { demo: false, env: { RATE_LIMIT_REGISTER_PER_IP: '2' } });
    const site = await startPartnerSite({ '/events.html': `<script src="${server.app.url}/widget.js" data-partner="limited" async></script>` });
    const browser = await launchBrowser();
    try {
      const { partner } = await createPartner(server.app.db, 'limited');
      await insertNativeEvent(server.app.db, partner.id, { title: 'Limited: chess' });
      const page = await browser.newPage();
      await page.goto(`${site.url}/events.html`);
      await page.locator('.community-graph-events').getByRole('button', { name: 'Have a registration code?' }).click();
      const manage = page.locator('.community-graph-events form[aria-label="Look up a registration"]');
      const status = manage.getByRole('status');
      await manage.getByLabel('Registration code').fill('B'.repeat(32));
      for (let i = 0; i < 2; i++) {
        await manage.getByRole('button', { name: 'Look up' }).click();
        await status.filter({ hasText: 'No registration has that code.' }).waitFor({ timeout: 15000 });
        await status.evaluate((el) => { el.textContent = ''; });
      }
      await manage.getByRole('button', { name: 'Look up' }).click();
      await status.filter({ hasText: 'Too many tries; wait a minute.' }).waitFor({ timeout: 15000 });
      expect(await status.textContent()).toBe('Too many tries; wait a minute.');
    } finally {
      await browser.close();
      await site.close();
      await server.close();
    }
  });
});
