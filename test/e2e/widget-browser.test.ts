import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import ICAL from '../support/icaljs';
import { Browser, Page } from 'playwright-core';
import { Audience, RegistrationMode } from '../../src/domain/enums';
import { PartnerEntity } from '../../src/model/partner.entity';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

/** Screenshots for people to look at; gitignored, kept by CI as artifacts. */
const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

/** A partner's own website, on a second origin (another port), that pastes our snippets. */
function startPartnerSite(pages: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const site = http.createServer((req, res) => {
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((done) => site.close(() => done())),
  })));
}

const partnerPage = (title: string, snippet: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:Georgia,serif;color:#600} h3{color:red}</style></head>
<body><h1>${title}</h1><p>The partner's own content.</p>${snippet}<footer>Partner footer</footer></body></html>`;

/** The demo titles for millbrook-library and millbrook-museum aimed at kids or teens. */
const KIDS_AND_TEENS_DEMO_TITLES = [
  'Toddler Gallery Walk', 'Preschool Storytime', 'Lego Build Club', 'Teen Makerspace: Build a Bot', 'Family Science Saturday', 'Saturday Chess Club', 'Saturday Chess Club: Winter Tournament',
];

/** The widget snippet the README shows, pointed at this server: the test follows the README. */
function readmeSnippet(base: string): string {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const snippet = readme.match(/<script src="http:\/\/localhost:4000\/widget\.js"[^>]*><\/script>/);
  if (!snippet) throw new Error('README.md shows no widget snippet');
  return snippet[0].replace('http://localhost:4000', base);
}

type FeedItem = { id: string; title: string; _community_graph: { series_id: string | null } };

/** The feed's items as a person should see them: the occurrences of one series on one card, in feed order. */
function cardsOf(items: FeedItem[]): FeedItem[][] {
  const cards: FeedItem[][] = [];
  for (const item of items) {
    const series = item._community_graph.series_id;
    const card = series ? cards.find((c) => c[0]._community_graph.series_id === series) : undefined;
    if (card) card.push(item);
    else cards.push([item]);
  }
  return cards;
}

describe('embeds in a real browser', () => {
  let server: TestServer;
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite');
    const base = server.app.url;
    // A partner of the test's own, with events whose titles and order the test states.
    const { partner } = await createPartner(server.app.db, 'widget-fixture');
    const day = 86_400_000;
    const at = (days: number) => ({ startsAt: new Date(Date.now() + days * day), endsAt: new Date(Date.now() + days * day + 3_600_000) });
    await insertNativeEvent(server.app.db, partner.id, { title: 'Fixture Story Time', audiences: [Audience.KIDS], ...at(3) });
    await insertNativeEvent(server.app.db, partner.id, { title: 'Fixture Book Group', audiences: [Audience.ADULTS], ...at(1) });
    await insertNativeEvent(server.app.db, partner.id, { title: 'Fixture Lego Club', audiences: [Audience.KIDS], ...at(2) });
    await insertNativeEvent(server.app.db, partner.id, { title: 'Fixture Teen Film Night', audiences: [Audience.TEENS], registrationMode: RegistrationMode.NONE, capacity: null, ...at(4) });
    site = await startPartnerSite({
      '/fixture.html': partnerPage('Fixture partner', `<script src="${base}/widget.js" data-partner="widget-fixture" data-audience="KIDS,TEENS" async></script>`),
      '/widget.html': partnerPage('Library kids page', `<script src="${base}/widget.js" data-partner="millbrook-library,millbrook-museum" data-audience="KIDS,TEENS" data-limit="6" data-title="Kids and teens at Millbrook" async></script>`),
      '/readme.html': partnerPage('The README snippet', readmeSnippet(base)),
      '/retry.html': partnerPage('Retry page', `<script src="${base}/widget.js" data-partner="widget-fixture" data-text="Fixture Retry Workshop" async></script>`),
      '/library.html': partnerPage('Library only', `<script src="${base}/widget.js" data-partner="millbrook-library" async></script>`),
      '/bad.html': partnerPage('Broken snippet', `<script src="${base}/widget.js" data-partner="millbrook-libary" async></script>`),
      '/iframe.html': partnerPage('Museum iframe', `<iframe title="Museum events" width="700" height="500" src="${base}/embed/events?partner=millbrook-museum&limit=4"></iframe>`),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  async function open(pathname: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; outside: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, acceptDownloads: true });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.app.url) && !r.url().startsWith(site.url)) outside.push(r.url());
    });
    await page.goto(`${site.url}${pathname}`);
    return { page, outside };
  }

  it('renders the demo events from a page on another origin, inside a Shadow DOM, keyboard-reachable', async () => {
    const { page, outside } = await open('/widget.html');
    const titles = page.locator('.community-graph-events article h3');
    await titles.first().waitFor({ timeout: 15000 });
    // Six cards (data-limit): a series is one card with at most four dates, so the widget asks for 24 occurrences.
    const feed = await (await fetch(`${server.app.url}/feeds/events.json?partner=millbrook-library,millbrook-museum&audiences=KIDS,TEENS&limit=24&per_series=4`)).json();
    const cards = cardsOf(feed.items).slice(0, 6);
    // Titles pinned to the demo programs, not to the feed of the same service (exact list and order: next test).
    const shown = await titles.allTextContents();
    expect(shown.length).toBe(cards.length);
    expect(shown.length).toBeGreaterThan(2);
    for (const title of shown) expect(KIDS_AND_TEENS_DEMO_TITLES).toContain(title);
    expect(shown).toEqual(cards.map((card) => card[0].title));
    expect(await page.locator('.community-graph-events h2').textContent()).toBe('Kids and teens at Millbrook');
    expect(await page.locator('.community-graph-events time').count()).toBe(cards.flat().length);
    // Our styles stay inside, the partner's "h3 { color: red }" stays outside.
    const color = await titles.first().evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe('rgb(255, 0, 0)');
    expect(await page.evaluate(() => document.querySelectorAll('article').length)).toBe(0);
    // Spots left for a registrable event, and an accessible name on every action.
    const remaining = feed.items.find((i: any) => i._community_graph.registration.remaining != null);
    if (remaining) expect(await page.locator('.community-graph-events').getByText(/spots? left|Full/).count()).toBeGreaterThan(0);
    const firstLink = page.locator('.community-graph-events a').first();
    await firstLink.focus();
    expect(await page.evaluate(() => document.querySelector('.community-graph-events')!.shadowRoot!.activeElement?.tagName)).toBe('A');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-second-origin.png'), fullPage: true });
    expect(outside).toEqual([]);
  });

  it('shows the README snippet\'s programs once each, with when they meet, their next dates and live seats to register for', async () => {
    const { page } = await open('/readme.html');
    const widget = page.locator('.community-graph-events');
    const titles = widget.locator('article h3');
    await titles.first().waitFor({ timeout: 15000 });
    const shown = await titles.allTextContents();
    expect(shown.length).toBeGreaterThan(1);
    expect(new Set(shown).size).toBe(shown.length);
    // A weekly program: one card, its schedule in words, its next dates as rows with seats each.
    const program = widget.locator('article', { has: page.locator('ul.dt') }).first();
    expect(await program.innerText()).toMatch(/Every (other )?[A-Z][a-z]+day, \d{1,2}:\d{2}/);
    const dates = program.locator('ul.dt > li');
    expect(await dates.count()).toBeGreaterThan(1);
    expect(await dates.count()).toBeLessThanOrEqual(4);
    // Seats a visitor can see, and a Register button for an event taking registrations here.
    const seats = widget.getByText(/\d+ spots? left|Full/).first();
    const register = widget.getByRole('button', { name: /^Register/ }).first();
    await register.waitFor({ state: 'visible', timeout: 15000 });
    expect(await seats.isVisible()).toBe(true);
    expect(await register.isVisible()).toBe(true);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(ARTIFACTS, `widget-readme-${width}.png`), fullPage: true });
    }
    expect(await axeViolations(page, '.community-graph-events')).toEqual([]);
    await page.context().close();
  });

  it('registers from the README snippet with the keyboard alone, and reads well to a screen reader throughout', async () => {
    const { page } = await open('/readme.html');
    const widget = page.locator('.community-graph-events');
    const register = widget.getByRole('button', { name: /^Register/ }).first();
    await register.waitFor({ timeout: 15000 });
    const focused = () => page.evaluate(() => {
      const active = document.querySelector('.community-graph-events')!.shadowRoot!.activeElement as HTMLElement | null;
      return active ? `${active.tagName} ${active.getAttribute('name') ?? active.textContent}` : '';
    });
    // Tab from the top of the page to the first Register button (bounded: a card has a handful of stops).
    await page.locator('body').focus();
    for (let stops = 0; stops < 40 && !(await focused()).startsWith('BUTTON Register'); stops++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^BUTTON Register for Lego Build Club, /);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('INPUT name');
    await page.keyboard.type('Keyboard Person');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.org');
    await page.keyboard.press('Enter');
    await widget.getByText(/^You are (registered \(confirmed\)|on the waitlist)/).waitFor({ timeout: 15000 });
    expect(await axeViolations(page, '.community-graph-events')).toEqual([]);
    await page.context().close();
  });

  it('registers a family once when the answers are lost after the server registered them and the form is sent again', async () => {
    const fixture = await server.app.db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'widget-fixture' });
    const event = await insertNativeEvent(server.app.db, fixture.id, { title: 'Fixture Retry Workshop', audiences: [Audience.ADULTS], capacity: 10, maxPartySize: 4 });
    const context = await browser.newContext();
    const page = await context.newPage();
    // The server registers, then the connection drops before the answer arrives: for the widget's
    // request and for its automatic retry. The third register request (the person sending again) goes through.
    const keys: string[] = [];
    let dropped = 0;
    await page.route(server.graphqlUrl, async (route) => {
      const sent = route.request().method() === 'POST' ? route.request().postDataJSON() : null;
      if (sent?.operationName !== 'WidgetRegisterParty') return route.continue();
      keys.push(sent.variables.idempotencyKey);
      const response = await route.fetch();
      const body = await response.json();
      if (body.data?.register && dropped < 2) {
        dropped++;
        return route.abort('connectionreset');
      }
      return route.fulfill({ response, json: body });
    });
    await page.goto(`${site.url}/retry.html`);
    const article = page.locator('.community-graph-events article', { hasText: 'Fixture Retry Workshop' });
    await article.waitFor({ timeout: 15000 });
    await article.getByRole('button', { name: 'Register for Fixture Retry Workshop' }).click();
    await article.getByLabel('Name').fill('Grace Hopper');
    await article.getByLabel('Email').fill('grace@example.org');
    // A family: two adults and a child, counted by the event's (default) categories.
    await article.getByRole('group', { name: 'Who is coming (up to 4 people)' }).waitFor();
    const send = article.getByRole('button', { name: 'Send registration' });
    const status = article.getByRole('status');
    // Nobody counted is said before anything is sent.
    await article.getByLabel('Adults').fill('0');
    await send.click();
    await status.filter({ hasText: 'Count between 1 and 4 people in all.' }).waitFor({ timeout: 15000 });
    expect(keys).toEqual([]);
    await article.getByLabel('Adults').fill('2');
    await article.getByLabel('Children').fill('1');
    await send.click();
    await status.filter({ hasText: 'The server could not be reached. Please try again.' }).waitFor({ timeout: 15000 });
    expect(dropped).toBe(2);
    expect(await send.isEnabled()).toBe(true);
    await send.click();
    await status.filter({ hasText: /^You are registered \(confirmed\)\. To cancel later, keep this code: [A-Za-z0-9_-]{32}$/ }).waitFor({ timeout: 15000 });
    // What the person sees: one confirmation, no error left over, the way to manage it.
    expect(await article.getByText(/You are registered/).count()).toBe(1);
    expect(await article.getByText(/could not be reached/).count()).toBe(0);
    expect(await article.getByRole('button', { name: 'Manage my registration' }).isVisible()).toBe(true);
    await article.getByText('7 spots left').waitFor({ timeout: 15000 });
    // Three register requests reached the server, all with one key, and made one registration.
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
    const rows = await server.app.db.getRepository(RegistrationEntity).findBy({ eventId: event.id, email: 'grace@example.org' });
    expect(rows.map((r) => [r.status, r.partySize, r.party])).toEqual([['CONFIRMED', 3, [{ category: 'adults', count: 2 }, { category: 'children', count: 1 }]]]);
    await page.screenshot({ path: '/tmp/widget-register-once.png', fullPage: true });
    await context.close();
  });

  it('renders exactly the events the test inserted that match its audiences, in start order', async () => {
    const { page } = await open('/fixture.html');
    const titles = page.locator('.community-graph-events article h3');
    await titles.first().waitFor({ timeout: 15000 });
    expect(await titles.allTextContents()).toEqual(['Fixture Lego Club', 'Fixture Story Time', 'Fixture Teen Film Night']);
  });

  it('links no javascript: URL even when the feed it reads has one (a feed from a server before the fix)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The feed as an older server would have sent it: the first event's links rewritten to javascript:.
    await page.route('**/feeds/events.json*', async (route) => {
      const feed = await (await route.fetch()).json();
      const x = feed.items[0]._community_graph;
      feed.items[0].url = 'javascript:alert(document.cookie)';
      x.registration = { ...x.registration, mode: 'EXTERNAL', url: ' JaVaScRiPt:alert(1)' };
      await route.fulfill({ json: feed });
    });
    await page.goto(`${site.url}/library.html`);
    const titles = page.locator('.community-graph-events article h3');
    await titles.first().waitFor({ timeout: 15000 });
    const hrefs = await page.locator('.community-graph-events a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    // The event is still listed, its title as text.
    expect(await titles.first().locator('a').count()).toBe(0);
    expect((await titles.first().textContent())?.length).toBeGreaterThan(0);
    await context.close();
  });

  it('"Add to calendar" downloads a valid one-event .ics', async () => {
    const { page } = await open('/widget.html');
    const link = page.locator('.community-graph-events a', { hasText: 'Add to calendar' }).first();
    await link.waitFor({ timeout: 15000 });
    const title = await page.locator('.community-graph-events article h3').first().textContent();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0].getFirstPropertyValue('summary')).toBe(title);
    expect(String(events[0].getFirstPropertyValue('uid'))).toMatch(/@community-graph$/);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
  });

  it('shows a clear message for an unknown partner slug instead of a blank box', async () => {
    const { page } = await open('/bad.html');
    const alert = page.locator('.community-graph-events [role=alert]');
    await alert.waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toBe('Events can\'t be shown here right now.');
    expect(await page.locator('.community-graph-events .ow').textContent())
      .toBe('For the site\'s owner: Unknown partner "millbrook-libary". Known partners: millbrook-food-share, millbrook-library, millbrook-museum, millbrook-schools, riverbend-literacy, widget-fixture.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-unknown-partner.png'), fullPage: true });
  });

  it('says so when the partner does not allow this site, instead of a blank box', async () => {
    const repo = server.app.db.getRepository(PartnerEntity);
    await repo.update({ slug: 'millbrook-library' }, { allowedOrigins: ['https://library.millbrook.example'] });
    try {
      const { page } = await open('/library.html');
      const alert = page.locator('.community-graph-events [role=alert]');
      await alert.waitFor({ timeout: 15000 });
      expect(await alert.textContent()).toBe('Events can\'t be loaded right now. Please try again later.');
      expect(await page.locator('.community-graph-events .ow').textContent())
        .toBe(`For the site's owner: no answer from ${server.app.url}. The server may be unreachable, or this site is not among the partner's allowed origins.`);
    } finally {
      await repo.update({ slug: 'millbrook-library' }, { allowedOrigins: [] });
    }
  });

  it('renders the iframe page with JavaScript disabled, framed by an allowed origin', async () => {
    const repo = server.app.db.getRepository(PartnerEntity);
    await repo.update({ slug: 'millbrook-museum' }, { allowedOrigins: [site.url] });
    try {
      const { page } = await open('/iframe.html', { javaScriptEnabled: false });
      const frame = page.frameLocator('iframe');
      await frame.locator('article h2').first().waitFor({ timeout: 15000 });
      expect(await frame.locator('article h2').count()).toBe(4);
      expect(await frame.locator('h1').textContent()).toBe('Upcoming events: Millbrook Museum of River History');
      // Styles applied under the hashed-style CSP (the list marker is removed only by our stylesheet).
      expect(await frame.locator('ul.events').evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
      await page.screenshot({ path: path.join(ARTIFACTS, 'iframe-no-javascript.png'), fullPage: true });
    } finally {
      await repo.update({ slug: 'millbrook-museum' }, { allowedOrigins: [] });
    }
  });

  it('refuses to be framed by an origin the partner did not list', async () => {
    const repo = server.app.db.getRepository(PartnerEntity);
    await repo.update({ slug: 'millbrook-museum' }, { allowedOrigins: ['https://museum.millbrook.example'] });
    try {
      const { page } = await open('/iframe.html');
      const response = page.waitForResponse((r) => r.url().includes('/embed/events'));
      await page.reload();
      expect((await response).status()).toBe(200);
      // The browser blocks the document: the frame never gets our content.
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      expect(await frame.locator('article').count()).toBe(0);
      expect(frame.url()).toMatch(/^chrome-error:/);
    } finally {
      await repo.update({ slug: 'millbrook-museum' }, { allowedOrigins: [] });
    }
  });
});
