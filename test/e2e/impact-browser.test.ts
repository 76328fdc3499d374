import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { ServiceArea, SurveyRound } from '../../src/domain/survey';
import { newId } from '../../src/domain/ids';
import { SurveyEntity } from '../../src/model/survey.entity';
import { SurveyResponseEntity } from '../../src/model/survey-response.entity';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');
const hour = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });

describe('the impact page: staff see what their programs did, and take it away as CSV', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite', { demo: false });
    owner = await createPartner(server.app.db, 'riverside-makers');
    const other = await createPartner(server.app.db, 'other-partner');
    const db = server.app.db;
    const club: Array<{ id: string }> = [];
    for (const [day, confirmedCount, attendedCount] of [['2026-03-03', 8, 6], ['2026-03-10', 10, 9], ['2026-04-07', 12, 7]] as const) {
      club.push(await insertNativeEvent(db, owner.partner.id, { title: 'Coding club', seriesId: 'club', ...hour(`${day}T17:00:00Z`), capacity: 12, confirmedCount, attendedCount }));
    }
    // The club asks a digital-learning survey; six people answered after its first date (the fourth statement skipped by all).
    const surveyId = newId();
    await db.getRepository(SurveyEntity).insert({
      id: surveyId, partnerId: owner.partner.id, serviceArea: ServiceArea.DIGITAL_LEARNING, round: SurveyRound.IMMEDIATE, eventId: null, seriesId: 'club', category: null, createdAt: new Date('2026-03-01T00:00:00Z'),
    });
    const ratings = [[5, 4, 5], [5, 4, 5], [4, 4, 5], [3, 4, 5], [5, 2, 5], [4, 1, 5]];
    await db.getRepository(SurveyResponseEntity).insert(ratings.map(([rating1, rating2, rating3]) => ({
      id: newId(), surveyId, eventId: club[0].id, rating1, rating2, rating3, rating4: null, liked: null, improve: null, createdAt: new Date('2026-03-03T00:00:00Z'),
    })));
    // Three people walked in at the robotics night: they came, though nobody registered them.
    await insertNativeEvent(db, owner.partner.id, {
      title: 'Family robotics night', ...hour('2026-04-18T23:00:00Z'), capacity: 20, confirmedCount: 20, attendedCount: 15,
      walkIns: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }],
    });
    // Another partner's program: never in this partner's report.
    await insertNativeEvent(db, other.partner.id, { title: 'Someone else\'s talk', ...hour('2026-03-05T17:00:00Z'), capacity: 50, confirmedCount: 40, attendedCount: 30 });
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

  async function openImpact(query: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
    // `bypassCSP` only so axe-core's script can be added; the page's own CSP is checked over HTTP below.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`); });
    await page.goto(`${server.app.url}/impact?${query}`);
    return { page, errors };
  }

  const text = (page: Page, id: string) => page.locator(`#${id}`).innerText();

  it('shows a partner its own figures per program, as a table and a chart, from the view in its address', async () => {
    const { page, errors } = await openImpact('from=2026-03-01&to=2026-04-30&groupBy=SERIES');
    expect(await page.getByLabel('From').inputValue()).toBe('2026-03-01');
    expect(await page.locator('#report').isVisible()).toBe(false);
    await page.getByLabel('Partner API key').fill(owner.key.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.locator('#report').waitFor({ state: 'visible', timeout: 15000 });
    expect(await page.getByLabel('Partner API key').inputValue()).toBe('');

    // By hand: four occurrences; 8+10+12+20 = 50 confirmed of 56 seats; 6+9+7+15 = 37 checked in, 13 of 50 did not come;
    // with the 3 walk-ins, 40 came.
    expect(await Promise.all(['t-occurrences', 't-confirmed', 't-attended', 't-fill', 't-noshow'].map((id) => text(page, id))))
      .toEqual(['4', '50', '40', `${Math.round((50 / 56) * 100)}%`, '26%']);
    expect(await text(page, 'came')).toMatch(/^Of 40 who came, 37 were checked in, 3 walked in and 0 were counted at drop-ins \(.*adults 1.*children 2.*\)\.$/);
    expect(await text(page, 't-responses')).toBe('6');
    expect(await text(page, 'agreement')).toBe('Agreed (4 or 5 of 5): knowledge 83% · confidence 67% · application 100% · awareness –.');
    const rows = await page.locator('#groups-body tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c as HTMLElement).innerText)));
    expect(rows).toEqual([
      ['Coding club', '3', '0', '30', '22', '83%', '27%', '6'],
      ['Family robotics night', '1', '0', '20', '18', '100%', '25%', '0'],
    ]);
    const bars = await page.evaluate(() => (window as any).Chart.getChart(document.getElementById('group-chart')).data.datasets.map((d: { data: number[] }) => d.data));
    expect(bars).toEqual([[30, 20], [22, 18]]);
    expect(await page.locator('#group-chart').isVisible()).toBe(true);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'impact-by-program.png'), fullPage: true });

    await page.getByLabel('Break down by').selectOption({ label: 'Month' });
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.locator('#group-heading', { hasText: 'Month' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#groups-body th').allInnerTexts()).toHaveLength(2);
    expect(new URL(page.url()).searchParams.get('groupBy')).toBe('MONTH');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('saves the same report as CSV with the key the page holds', async () => {
    const { page, errors } = await openImpact('from=2026-03-01&to=2026-04-30&groupBy=SERIES');
    await page.getByLabel('Partner API key').fill(owner.key.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.locator('#report').waitFor({ state: 'visible', timeout: 15000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('impact-2026-03-01-2026-04-30.csv');
    const rows = parse(fs.readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.program, r.confirmed, r.attended])).toEqual([['all', '50', '37'], ['Coding club', '30', '22'], ['Family robotics night', '20', '15']]);
    await page.getByRole('status').filter({ hasText: 'The CSV was saved.' }).waitFor({ timeout: 15000 });
    expect(errors).toEqual([]);
  });

  it('says why when the key opens nothing, and fits a phone', async () => {
    const { page } = await openImpact('from=2026-03-01&to=2026-04-30', 375);
    await page.getByLabel('Partner API key').fill('cg_not-a-real-key');
    await page.getByRole('button', { name: 'Show the report' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'The report could not be shown' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#report').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'impact-refused-375.png'), fullPage: true });
  });

  it('is served with the staff pages\' headers, and refuses an unknown parameter', async () => {
    const page = await fetch(`${server.app.url}/impact`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const wrong = await fetch(`${server.app.url}/impact?key=secret`);
    expect([wrong.status, (await wrong.text()).trim()]).toEqual([400, 'Unknown query parameter "key". The impact page takes "from", "to" (dates, YYYY-MM-DD) and "groupBy".']);
  });
});
