import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { untilSubscriptions } from '../support/live';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

const DAY = 86_400_000;
const inDays = (days: number) => ({ startsAt: new Date(Date.now() + days * DAY), endsAt: new Date(Date.now() + days * DAY + 3_600_000) });

const OVERVIEW = `query($filter: EventFilter) { registrationOverview(filter: $filter) {
  totals { events seats confirmed waitlisted attended fillRate }
  programs { key title totals { events confirmed seats } occurrences { registration { confirmed capacity } } }
  needsAttention { reason event { title } } } }`;

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
    // A weekly club (one program, three dates) and a full event with no waiting list (needs attention).
    for (const [days, confirmedCount] of [[2, 6], [9, 12], [16, 1]]) {
      await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Coding club', seriesId: 'coding-club', capacity: 12, confirmedCount, ...inDays(days) });
    }
    await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Pottery taster', capacity: 8, confirmedCount: 8, waitlistCapacity: 0, ...inDays(4) });
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

  /** `bypassCSP` lets a test add axe-core's script to the page (our CSP allows only the page's own). */
  async function openDashboard(options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false });
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

  /** The overview the page shows, asked of the API directly (the page's own range starts at its load, a moment earlier). */
  const apiOverview = async () => (await server.post({ query: OVERVIEW, variables: { filter: { partnerSlugs: ['riverside-makers'], from: new Date(Date.now() - 60_000).toISOString() } } })).json.data.registrationOverview;
  const text = (page: Page, id: string) => page.locator('#' + id).textContent();
  const row = (page: Page, title: string) => page.locator('#seats-body tr', { hasText: title }).locator('td').allTextContents();

  async function expectTotalsOf(page: Page, overview: any): Promise<void> {
    const t = overview.totals;
    expect([await text(page, 't-confirmed'), await text(page, 't-seats'), await text(page, 't-fill'), await text(page, 't-waitlisted'), await text(page, 't-attended')])
      .toEqual([String(t.confirmed), String(t.seats), Math.round(t.fillRate * 100) + '%', String(t.waitlisted), String(t.attended)]);
  }

  it('shows the totals, one row per program and what needs attention, as the API gives them, and follows registrations live', async () => {
    const page = await openDashboard();
    expect(await page.locator('h1').textContent()).toBe('Registrations: Partner riverside-makers');
    const overview = await apiOverview();
    expect(overview.totals).toMatchObject({ events: 6, seats: 10 + 6 + 36 + 8, confirmed: 19 + 8 });
    await expectTotalsOf(page, overview);
    // One row per program: the club's three dates are one row, its bars the share of seats taken per date.
    expect(await page.locator('#programs-body th').allTextContents()).toEqual(overview.programs.map((p: any) => p.title));
    expect(await page.locator('#programs-body tr', { hasText: 'Coding club' }).locator('td').allTextContents()).toEqual(['Partner riverside-makers', '3', '19 of 36', '53%', '0', '']);
    const sparkline = await page.evaluate(() => (window as any).Chart.getChart(document.querySelector('canvas[data-program="coding-club"]')).data.datasets[0].data);
    expect(sparkline).toEqual([50, 100, 8]);
    // Needs attention: the pottery taster is full with no waiting list.
    expect(await page.locator('#attention li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-reason'), li.textContent])))
      .toEqual(overview.needsAttention.map((a: any) => [a.reason, expect.stringContaining(a.event.title)]));
    expect(overview.needsAttention.map((a: any) => a.reason)).toContain('FULL_NO_WAITLIST');
    // Every date is still listed, with its numbers.
    expect(await page.locator('#seats-body th').count()).toBe(6);

    const points = () => page.evaluate(() => (window as any).Chart.getChart(document.getElementById('time-chart')).data.datasets[0].data.length);
    const before = await points();
    expect((await register(workshop.globalId, 'Ada Lovelace', 'ada@example.org', 3)).registration.status).toBe('CONFIRMED');
    await page.locator('#seats-body tr', { hasText: 'Robotics workshop' }).locator('td').nth(2).filter({ hasText: /^3$/ }).waitFor({ timeout: 15000 });
    expect((await row(page, 'Robotics workshop')).slice(1)).toEqual(['10', '3', '0', '0', '7']);
    expect(await page.locator('#status').textContent()).toBe('Robotics workshop: 3 confirmed, 0 waitlisted, 7 seats left.');
    // Seats held while someone fills in a form are shown apart, live, and are not left.
    const held = await server.post({ query: 'mutation($e: ID!) { holdSeats(input: { eventId: $e, partySize: 2 }) { ... on SeatHold { holdId } } }', variables: { e: workshop.globalId } });
    await page.locator('#status', { hasText: 'Robotics workshop: 3 confirmed, 0 waitlisted, 2 held, 5 seats left.' }).waitFor({ timeout: 15000 });
    await page.locator('#seats-body tr', { hasText: 'Robotics workshop' }).locator('td').nth(4).filter({ hasText: /^2$/ }).waitFor({ timeout: 15000 });
    expect((await row(page, 'Robotics workshop')).slice(1)).toEqual(['10', '3', '0', '2', '5']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-held-seats.png'), fullPage: true });
    await server.post({ query: 'mutation($e: ID!, $h: String!) { releaseSeatHold(input: { eventId: $e, holdId: $h }) }', variables: { e: workshop.globalId, h: held.json.data.holdSeats.holdId } });
    await page.locator('#status', { hasText: 'Robotics workshop: 3 confirmed, 0 waitlisted, 7 seats left.' }).waitFor({ timeout: 15000 });
    expect(await points()).toBe(before + 1);
    await page.locator('#t-confirmed', { hasText: String(overview.totals.confirmed + 3) }).waitFor({ timeout: 15000 });
    await expectTotalsOf(page, await apiOverview());

    // Fill the storytime and waitlist one: the waitlisted total moves too.
    expect((await register(storytime.globalId, 'Grace Hopper', 'grace@example.org', 4)).registration.status).toBe('CONFIRMED');
    expect((await register(storytime.globalId, 'Alan Turing', 'alan@example.org', 4)).registration.status).toBe('WAITLISTED');
    await page.locator('#t-waitlisted', { hasText: /^4$/ }).waitFor({ timeout: 15000 });
    await expectTotalsOf(page, await apiOverview());
    // The time axis spans the data, with a margin, not months around it.
    const axis = await page.evaluate(() => {
      const chart = (window as any).Chart.getChart(document.getElementById('time-chart'));
      const xs = chart.data.datasets[0].data.map((p: { x: number }) => p.x);
      return { min: chart.scales.x.min, max: chart.scales.x.max, first: Math.min(...xs), last: Math.max(...xs) };
    });
    const margin = Math.max(30 * 60_000, (axis.last - axis.first) / 10);
    expect(axis.min).toBeLessThanOrEqual(axis.first);
    expect(axis.max).toBeGreaterThanOrEqual(axis.last);
    expect(axis.max - axis.min).toBeLessThanOrEqual(axis.last - axis.first + 2 * margin + 1);
    // No names anywhere without the key.
    expect(await page.getByText('Ada Lovelace').count()).toBe(0);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      // Nothing wider than the screen once the charts have followed the resize: wide tables scroll in their own box.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 15000 });
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-live-${width}.png`), fullPage: true });
    }
  });

  it('narrows to one program from the filter form, and keeps the choice in the URL', async () => {
    const page = await openDashboard({ bypassCSP: true });
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.getByRole('combobox', { name: 'Program' }).selectOption({ label: 'Coding club' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('#programs-body tr').first().filter({ hasText: 'Coding club' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#programs-body tr').count()).toBe(1);
    expect(await page.locator('#seats-body tr').count()).toBe(3);
    const club = (await apiOverview()).programs.find((p: any) => p.key === 'coding-club');
    expect([await text(page, 't-confirmed'), await text(page, 't-seats')]).toEqual([String(club.totals.confirmed), String(club.totals.seats)]);
    expect(await page.locator('#attention li').allTextContents()).toEqual(['Nothing needs attention right now.']);
    expect(new URL(page.url()).searchParams.get('program')).toBe('coding-club');
    // A date range that ends before the club's second date leaves one date.
    const to = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('#seats-body tr').nth(1).waitFor({ state: 'detached', timeout: 15000 });
    expect(await page.locator('#seats-body tr').count()).toBe(1);
    expect(await axeViolations(page, 'main')).toEqual([]);
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
    // With the key, the line starts at the first registration: one step per active registration. It is
    // redrawn once every date's names are read, after the first table shows; its note says when.
    await page.locator('#time-note', { hasText: 'staff view' }).waitFor({ timeout: 15000 });
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
