import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { untilSubscriptions } from '../support/live';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { __typename ... on RegistrationTicket { registration { status } } ... on RegistrationRejected { code message } }
}`;

describe('the live registrations dashboard in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let other: Awaited<ReturnType<typeof createPartner>>;
  let workshop: Awaited<ReturnType<typeof insertNativeEvent>>;
  let storytime: Awaited<ReturnType<typeof insertNativeEvent>>;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite');
    owner = await createPartner(server.app.db, 'riverside-makers');
    other = await createPartner(server.app.db, 'other-partner');
    workshop = await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Robotics workshop', capacity: 10, waitlistCapacity: 3 });
    storytime = await insertNativeEvent(server.app.db, owner.partner.id, {
      title: 'Bilingual storytime', capacity: 6, waitlistCapacity: 4, startsAt: new Date(Date.now() + 9 * 86_400_000), endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const register = async (eventId: string, name: string, email: string, partySize = 1) =>
    (await server.post({ query: REGISTER, variables: { input: { eventId, name, email, partySize } } })).json.data.register;

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await untilSubscriptions(server, 0);
  });

  /**
   * "Live" means the server acknowledged the socket; the subscription attaches a moment later. A test
   * registers only once it is attached, or its change could come before anyone listens.
   */
  async function untilLive(page: Page): Promise<void> {
    await page.locator('#live', { hasText: 'Live' }).waitFor({ timeout: 15000 });
    await untilSubscriptions(server, 1);
  }

  async function openDashboard(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // (The browser's own favicon request is the only 404 allowed.)
    page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`); });
    await page.goto(`${server.app.url}/dashboard?partner=riverside-makers`);
    await untilLive(page);
    expect(errors).toEqual([]);
    return page;
  }

  /** What the bar chart draws for one event (Chart.js's own data), and the table row beside it. */
  const bars = (page: Page, title: string) => page.evaluate((t) => {
    const chart = (window as any).Chart.getChart(document.getElementById('seats-chart'));
    const i = chart.data.labels.findIndex((l: string) => l.startsWith(t));
    return { capacity: chart.data.datasets[0].data[i], confirmed: chart.data.datasets[1].data[i], waitlisted: chart.data.datasets[2].data[i] };
  }, title);
  const row = (page: Page, title: string) => page.locator('#seats-body tr', { hasText: title }).locator('td').allTextContents();

  it('moves the bar after a registration, without reload, and draws the registrations over time', async () => {
    const page = await openDashboard();
    expect(await page.locator('h1').textContent()).toBe('Registrations: Partner riverside-makers');
    expect(await page.locator('#seats-body th').allTextContents()).toEqual(['Robotics workshop', 'Bilingual storytime']);
    expect(await bars(page, 'Robotics workshop')).toEqual({ capacity: 10, confirmed: 0, waitlisted: 0 });
    const points = () => page.evaluate(() => (window as any).Chart.getChart(document.getElementById('time-chart')).data.datasets[0].data.length);
    const before = await points();

    expect((await register(workshop.globalId, 'Ada Lovelace', 'ada@example.org', 3)).registration.status).toBe('CONFIRMED');
    await page.locator('#seats-body tr', { hasText: 'Robotics workshop' }).locator('td').nth(2).filter({ hasText: /^3$/ }).waitFor({ timeout: 15000 });
    expect(await bars(page, 'Robotics workshop')).toEqual({ capacity: 10, confirmed: 3, waitlisted: 0 });
    expect((await row(page, 'Robotics workshop')).slice(1)).toEqual(['10', '3', '0', '7']);
    expect(await page.locator('#status').textContent()).toBe('Robotics workshop: 3 confirmed, 0 waitlisted, 7 seats left.');
    expect(await points()).toBe(before + 1);

    // Fill the storytime and waitlist one: the waitlisted bar moves too.
    expect((await register(storytime.globalId, 'Grace Hopper', 'grace@example.org', 4)).registration.status).toBe('CONFIRMED');
    expect((await register(storytime.globalId, 'Alan Turing', 'alan@example.org', 4)).registration.status).toBe('WAITLISTED');
    await page.locator('#seats-body tr', { hasText: 'Bilingual storytime' }).locator('td').nth(3).filter({ hasText: /^4$/ }).waitFor({ timeout: 15000 });
    expect(await bars(page, 'Bilingual storytime')).toEqual({ capacity: 6, confirmed: 4, waitlisted: 4 });
    // No names anywhere without the key.
    expect(await page.getByText('Ada Lovelace').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-live.png'), fullPage: true });
  });

  it('shows names only with the partner\'s own key', async () => {
    const page = await openDashboard();
    await page.getByLabel('Partner API key').fill(other.key.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: 'Show names' }).click();
    const alert = page.locator('#registrants [role=alert]');
    await alert.waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toMatch(/^Names could not be shown: .*/);
    expect(await page.getByText('Ada Lovelace').count()).toBe(0);

    await page.getByLabel('Partner API key').fill(owner.key.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: 'Show names' }).click();
    const workshopNames = page.locator('#registrants table', { hasText: 'Robotics workshop' });
    await workshopNames.getByText('Ada Lovelace').waitFor({ timeout: 15000 });
    expect(await page.getByLabel('Partner API key').inputValue()).toBe('');
    // With the key, the line starts at the first registration: one step per active registration.
    const line = await page.evaluate(() => (window as any).Chart.getChart(document.getElementById('time-chart')).data.datasets[0].data.map((p: { y: number }) => p.y));
    expect(line).toEqual([3, 7, 11]);
    // The names follow live registrations too, once the socket that carries the key is live.
    await untilLive(page);
    expect((await register(workshop.globalId, 'Katherine Johnson', 'kj@example.org')).registration.status).toBe('CONFIRMED');
    await workshopNames.getByText('Katherine Johnson').waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-staff-names.png'), fullPage: true });
    // Nothing of the key is kept by the page's storage.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
  });
});
