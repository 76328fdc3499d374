import fs from 'node:fs';
import path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { PartnerEntity } from '../../src/model/partner.entity';
import { launchBrowser } from '../support/browser';
import { insertNativeEvent } from '../support/native-event';
import { startPartnerSite, PartnerSite } from '../support/partner-site';
import { startTestServer, TestServer } from '../support/server';

/** Screenshots for people to look at; gitignored, kept by CI as artifacts. */
const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { __typename ... on RegistrationTicket { registration { status } } ... on RegistrationRejected { code message } }
}`;

/**
 * The widget against the REAL API: feed, graphql-ws registrationCounts and the register mutation of
 * the running server, loaded by a page on a second local origin.
 */
describe('the widget\'s live seats and inline registration against the real API', () => {
  let server: TestServer;
  let site: PartnerSite;
  let browser: Browser;
  let library: PartnerEntity;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite');
    library = await server.app.db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' });
    const base = server.app.url;
    const snippet = (text: string) => `<script src="${base}/widget.js" data-partner="millbrook-library" data-text="${text}" data-limit="3" async></script>`;
    site = await startPartnerSite({
      '/live.html': snippet('Robot lab live'),
      '/form.html': snippet('Tiny chess club'),
      '/bad-audience.html': `<script src="${base}/widget.js" data-audience="KIDZ" async></script>`,
      '/bad-limit.html': `<script src="${base}/widget.js" data-partner="millbrook-museum" data-limit="lots" async></script>`,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  async function widgetArticle(pathname: string, title: string): Promise<{ page: Page; article: Locator }> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.url}${pathname}`);
    const article = page.locator('.community-graph-events article', { hasText: title });
    await article.waitFor({ timeout: 15000 });
    return { page, article };
  }

  const register = async (eventId: string, email: string, partySize = 1) =>
    (await server.post({ query: REGISTER, variables: { input: { eventId, name: 'Someone', email, partySize } } })).json.data.register;

  it('changes "N spots left" in the open widget after each registration made through GraphQL', async () => {
    const event = await insertNativeEvent(server.app.db, library.id, { title: 'Robot lab live', capacity: 10, waitlistCapacity: 5 });
    const { page, article } = await widgetArticle('/live.html', 'Robot lab live');
    expect(await article.getByText('10 spots left').count()).toBe(1);
    // Each change shows up: waited for as text, with no latency bound (the timeouts only keep a broken
    // widget from hanging the test; delivery latency is measured by the bench, bench:live).
    expect((await register(event.globalId, 'first@example.org', 2)).registration.status).toBe('CONFIRMED');
    await article.getByText('8 spots left').waitFor({ timeout: 30_000 });
    expect((await register(event.globalId, 'second@example.org', 3)).registration.status).toBe('CONFIRMED');
    await article.getByText('5 spots left').waitFor({ timeout: 30_000 });
    // The count region is announced politely to screen readers.
    expect(await article.locator('[aria-live=polite]', { hasText: '5 spots left' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-live-real-api.png'), fullPage: true });
  });

  it('registers through the inline form: CONFIRMED, then WAITLISTED with the position, then the rejection message', async () => {
    const event = await insertNativeEvent(server.app.db, library.id, { title: 'Tiny chess club', capacity: 1, waitlistCapacity: 1, maxPartySize: 1 });
    const { page, article } = await widgetArticle('/form.html', 'Tiny chess club');
    const toggle = article.getByRole('button', { name: 'Register for Tiny chess club' });
    const form = article.locator('form[aria-label="Register for Tiny chess club"]');
    // Closed on load, as a person sees it: no form box, no Name field on screen.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await form.isVisible()).toBe(false);
    expect(await article.getByLabel('Name').isVisible()).toBe(false);
    expect(await form.evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-register-closed.png'), fullPage: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await form.isVisible()).toBe(true);
    expect(await article.getByLabel('Name').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // Escape closes it again and returns focus to Register; Register opens it once more.
    await page.keyboard.press('Escape');
    expect(await form.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await toggle.click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-register-open.png'), fullPage: true });
    const submitAs = async (email: string, expected: RegExp | string) => {
      await article.getByLabel('Name').fill('Grace Hopper');
      await article.getByLabel('Email').fill(email);
      await article.getByRole('button', { name: 'Send registration' }).click();
      await article.getByRole('status').filter({ hasText: expected }).waitFor({ timeout: 15000 });
    };
    await submitAs('grace@example.org', /^You are registered \(confirmed\)\. To cancel later, keep this code: \S+$/);
    await submitAs('ada@example.org', /^You are on the waitlist \(position 1\)\. To cancel later, keep this code: \S+$/);
    await submitAs('alan@example.org', 'Every seat and waitlist place is taken.');
    // No registration oracle: the registered email gets the same answer as anyone on a full event.
    await submitAs('grace@example.org', 'Every seat and waitlist place is taken.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-register-form.png'), fullPage: true });

    // What the form did is what the API stored.
    const stored = await server.post({ query: 'query ($id: ID!) { node(id: $id) { ... on Event { registration { confirmed waitlisted remaining } } } }', variables: { id: event.globalId } });
    expect(stored.json.data.node.registration).toEqual({ confirmed: 1, waitlisted: 1, remaining: 0 });
  });

  it.each([
    ['/bad-audience.html', 'Invalid value for query parameter "audiences": "KIDZ". Expected one or more of BABIES, TODDLERS, PRESCHOOL, KIDS, TWEENS, TEENS, ADULTS, SENIORS, FAMILIES, ALL_AGES (comma-separated).'],
    ['/bad-limit.html', 'Invalid value for query parameter "limit": "lots". Expected an integer from 1 to 200.'],
  ])('shows the server\'s explanation for a bad snippet attribute, never a blank box: %s', async (pathname, message) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.url}${pathname}`);
    const alert = page.locator('.community-graph-events [role=alert]');
    await alert.waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toBe('Events can\'t be shown here right now.');
    expect(await page.locator('.community-graph-events .ow').textContent()).toBe('For the site\'s owner: ' + message);
  });
});
