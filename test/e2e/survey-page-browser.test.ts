import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { newId } from '../../src/domain/ids';
import { ServiceArea, SurveyRound } from '../../src/domain/survey';
import { SurveyEntity } from '../../src/model/survey.entity';
import { SurveyResponseEntity } from '../../src/model/survey-response.entity';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');
const HOUR = 3_600_000;

describe('the survey page in a browser: answered with the keyboard alone, without script', () => {
  let server: TestServer;
  let browser: Browser;
  let event: Awaited<ReturnType<typeof insertNativeEvent>>;
  let url: string;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite', { demo: false });
    const { partner } = await createPartner(server.app.db, 'millbrook-library');
    event = await insertNativeEvent(server.app.db, partner.id, {
      title: 'Getting started with your smartphone', startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - HOUR),
    });
    await server.app.db.getRepository(SurveyEntity).insert({
      id: newId(), partnerId: partner.id, serviceArea: ServiceArea.DIGITAL_LEARNING, round: SurveyRound.IMMEDIATE,
      eventId: event.id, seriesId: null, category: null, createdAt: new Date(),
    });
    url = `${server.app.url}/s/${await server.app.services.surveyLinks.codeFor(event.id, new Date())}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A page with JavaScript off: the form must work without it. `bypassCSP` only lets axe's script in. */
  async function open(address: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(address);
    return page;
  }

  /** Tab into each statement's group and move to a point with the arrows, as a keyboard user does. */
  async function rate(page: Page, points: number[]): Promise<void> {
    for (const point of points) {
      await page.keyboard.press('Tab');
      for (let i = 1; i < point; i++) await page.keyboard.press('ArrowRight');
    }
  }

  it('is read by axe without a violation, and answered from the keyboard to the thank-you page', async () => {
    const page = await open(url);
    expect(await page.locator('h1').innerText()).toBe('How was Getting started with your smartphone?');
    expect(await page.getByRole('group').count()).toBe(4);
    // axe needs script; a second context with it on reads the same markup.
    const checked = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    contexts.push(checked);
    const axePage = await checked.newPage();
    await axePage.goto(url);
    expect(await axeViolations(axePage, 'main')).toEqual([]);

    await rate(page, [4, 5, 3, 5]);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Learning to send photos to my grandson.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A follow-up on video calls.');
    expect(await page.getByLabel('4 Agree').first().isChecked()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'survey-page-1280.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Thank you!');
    expect(await page.getByRole('status').innerText()).toContain('were received');
    const rows = await server.app.db.getRepository(SurveyResponseEntity).findBy({ eventId: event.id });
    expect(rows.map((r) => [r.rating1, r.rating2, r.rating3, r.rating4, r.liked, r.improve]))
      .toEqual([[4, 5, 3, 5, 'Learning to send photos to my grandson.', 'A follow-up on video calls.']]);
  });

  it('keeps a refused answer in place with the reason said at the top, on a phone', async () => {
    const token = await server.app.services.surveys.issueToken(event.id);
    // The registrant opened their mail's link twice; the first tab answers, then the second tries.
    const first = await open(`${url}?token=${token}`, 375);
    const second = await open(`${url}?token=${token}`, 375);
    await rate(first, [5]);
    await first.getByRole('button', { name: 'Send my answers' }).press('Enter');
    await first.waitForSelector('text=Thank you!');

    await rate(second, [2, 2]);
    await second.keyboard.press('Tab');
    await second.keyboard.press('Tab');
    await second.keyboard.press('Tab');
    await second.keyboard.type('Slower, please.');
    await second.getByRole('button', { name: 'Send my answers' }).press('Enter');
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('This survey link was already used; each link answers once.');
    expect(await second.getByLabel('What did you like most?').inputValue()).toBe('Slower, please.');
    expect(await second.locator('#rating2-2').isChecked()).toBe(true);
    await second.screenshot({ path: path.join(ARTIFACTS, 'survey-page-error-375.png'), fullPage: true });

    const empty = await open(url, 375);
    await empty.getByRole('button', { name: 'Send my answers' }).press('Enter');
    await empty.getByRole('alert').waitFor();
    expect(await empty.getByRole('alert').innerText()).toContain('Nothing was answered');
  });
});
