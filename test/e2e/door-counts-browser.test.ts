import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { RegistrationMode } from '../../src/domain/enums';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { enterDoorKey, focused, openDoorPage, tabTo } from '../support/door-page';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');
const ATTENDANCE = `query($id: ID!) { event(id: $id) {
  attendance { registered walkIns headCount total headCountByCategory { category count } byCategory { category count } }
  registrations { name attendedParty { category count } }
} }`;

describe('the door page counts everyone: some of a party, walk-ins, a drop-in\'s head count, keyboard alone', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let event: Awaited<ReturnType<typeof insertNativeEvent>>;
  let dropIn: Awaited<ReturnType<typeof insertNativeEvent>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite');
    owner = await createPartner(server.app.db, 'riverside-makers');
    event = await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Story time', capacity: 10 });
    for (const input of [
      { name: 'Mary Jackson', email: 'mary@example.org', party: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }] },
      { name: 'Dorothy Vaughan', email: 'dorothy@example.org', partySize: 1 },
    ]) {
      const { json } = await server.post({ query: REGISTER, variables: { input: { eventId: event.globalId, ...input } } });
      expect(json.data.register.__typename).toBe('RegistrationTicket');
    }
    dropIn = await insertNativeEvent(server.app.db, owner.partner.id, {
      title: 'Open play in the park', registrationMode: RegistrationMode.NONE, capacity: null, waitlistCapacity: 0,
      partyCategories: [{ key: 'grownups', label: 'Grown-ups' }, { key: 'kids', label: 'Kids' }],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const open = async (id: string, width = 1280) => {
    const opened = await openDoorPage(browser, `${server.app.url}/door?event=${id}`, contexts, width);
    await enterDoorKey(opened.page, owner.key);
    await opened.page.locator('#door').waitFor({ timeout: 15000 });
    return opened;
  };
  const read = async (id: string) => {
    const { json } = await server.post({ query: ATTENDANCE, variables: { id } }, { authorization: owner.key });
    expect(json.errors).toBeUndefined();
    return json.data.event;
  };
  const text = (page: Page, selector: string) => page.locator(selector).textContent();
  /** Selects what a number box holds and types over it, as a thumb or keyboard would. */
  const typeOver = async (page: Page, value: string) => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  };
  const statusSays = (page: Page, words: string) => page.getByRole('status').filter({ hasText: words }).waitFor({ timeout: 15000 });

  it('checks in only who of a party came, and adds walk-ins; the counts and the API agree', async () => {
    const { page, errors } = await open(event.globalId);
    expect([await text(page, '#c-checked-in'), await text(page, '#c-walk-ins'), await text(page, '#c-total')]).toEqual(['0 of 4', '0', '0']);
    // A party of one has nothing to split: only the one-press Check in.
    expect(await page.locator('#confirmed li', { hasText: 'Dorothy Vaughan' }).locator('summary').count()).toBe(0);

    // Find Mary, open "Some of them" (Enter on the summary), and say one adult and one child came.
    await page.keyboard.type('mary');
    await tabTo(page, 'Check in Mary Jackson');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Some of them');
    await page.keyboard.press('Enter');
    const mary = page.locator('#confirmed li', { hasText: 'Mary Jackson' });
    // Her makeup's categories only, each capped by what she registered.
    expect(await mary.locator('.numbers label').allTextContents()).toEqual(['Adults', 'Children']);
    expect(await mary.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).max))).toEqual(['1', '2']);
    await page.keyboard.press('Tab');
    await typeOver(page, '1');
    await page.keyboard.press('Tab');
    await typeOver(page, '3');
    await page.keyboard.press('Enter');
    // More children than she brought: said in words, nothing sent.
    await page.getByRole('alert').filter({ hasText: 'Children: enter a whole number from 0 to 2.' }).waitFor({ timeout: 15000 });
    expect((await storedCounts(server.app.db, event.id)).attended).toBe(0);
    await typeOver(page, '1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Check these in: Mary Jackson\'s party');
    await page.keyboard.press('Enter');
    await statusSays(page, 'Mary Jackson (3 people): 2 of 3 checked in. 2 of 4 people checked in.');
    expect(await text(page, '#alert')).toBe('');
    expect(await mary.locator('.state').textContent()).toBe('2 of 3 checked in');
    expect(await mary.locator('button.toggle').getAttribute('aria-pressed')).toBe('true');
    expect([await text(page, '#c-checked-in'), await text(page, '#c-total')]).toEqual(['2 of 4', '2']);
    expect((await storedCounts(server.app.db, event.id)).attended).toBe(2);
    expect((await read(event.globalId)).registrations.find((r: { name: string }) => r.name === 'Mary Jackson').attendedParty)
      .toEqual([{ category: 'adults', count: 1 }, { category: 'children', count: 1 }]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'door-some-1280.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);

    // Walk-ins: back to the form above the search box, keyboard alone. Nothing typed: said, not sent.
    await tabTo(page, 'walk-in-adults', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Enter how many people came without registering' }).waitFor({ timeout: 15000 });
    await typeOver(page, '2');
    await tabTo(page, 'walk-in-children');
    await typeOver(page, '1');
    await page.keyboard.press('Enter');
    await statusSays(page, '3 people added as walk-ins. 3 walk-ins, 5 people came in all.');
    expect([await text(page, '#c-walk-ins'), await text(page, '#c-total')]).toEqual(['3', '5']);
    // Blank again, so a second press does not add the same group twice.
    expect(await page.locator('#walk-in-numbers input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['0', '0', '0', '0']);
    await tabTo(page, 'walk-in-adults', 'Shift+Tab');
    await typeOver(page, '1');
    await tabTo(page, 'Add walk-ins');
    await page.keyboard.press('Enter');
    await statusSays(page, '1 person added as walk-ins. 4 walk-ins, 6 people came in all.');
    expect((await read(event.globalId)).attendance).toEqual({
      registered: 2, walkIns: 4, headCount: 0, total: 6, headCountByCategory: [],
      byCategory: [{ category: 'adults', count: 4 }, { category: 'children', count: 2 }],
    });
    expect(await text(page, '#c-total')).toBe('6');

    // The one-press Check in on a partly checked-in party undoes it, as on any checked-in row.
    await tabTo(page, 'Check in Mary Jackson');
    await page.keyboard.press('Space');
    await statusSays(page, 'Mary Jackson (3 people) no longer checked in. 0 of 4 people checked in.');
    expect([await mary.locator('.state').textContent(), await text(page, '#c-total')]).toEqual(['Not checked in', '4']);

    await page.screenshot({ path: path.join(ARTIFACTS, 'door-counts-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'door-counts-375.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a drop-in only its head count: saved, read back through the API, and the starting point next time', async () => {
    const first = await open(dropIn.globalId, 375);
    const page = first.page;
    expect(await page.locator('#lists').isHidden()).toBe(true);
    expect(await page.locator('#c-checked-in').isVisible()).toBe(false);
    expect(await page.locator('.counts dt:visible').allTextContents()).toEqual(['Came in all']);
    expect(await page.locator('#head-numbers label').allTextContents()).toEqual(['Grown-ups', 'Kids']);
    // The first number has the focus: count, type, Tab, type, Enter.
    expect(await focused(page)).toBe('head-grownups');
    await typeOver(page, '12');
    await page.keyboard.press('Tab');
    await typeOver(page, '30');
    await page.keyboard.press('Enter');
    await statusSays(page, 'Head count saved: 42 people. 42 people came in all.');
    expect(await text(page, '#c-total')).toBe('42');
    expect((await read(dropIn.globalId)).attendance).toEqual({
      registered: 0, walkIns: 0, headCount: 42, total: 42,
      headCountByCategory: [{ category: 'grownups', count: 12 }, { category: 'kids', count: 30 }],
      byCategory: [{ category: 'grownups', count: 12 }, { category: 'kids', count: 30 }],
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'door-head-count-375.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);

    // Opened again, the form starts at the count saved; a correction replaces it.
    const again = await open(dropIn.globalId);
    expect(await again.page.locator('#head-numbers input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['12', '30']);
    await again.page.keyboard.press('Tab');
    await typeOver(again.page, '25');
    await tabTo(again.page, 'Save head count');
    await again.page.keyboard.press('Enter');
    await statusSays(again.page, 'Head count saved: 37 people. 37 people came in all.');
    expect((await read(dropIn.globalId)).attendance.headCountByCategory).toEqual([{ category: 'grownups', count: 12 }, { category: 'kids', count: 25 }]);
    // Over the API's cap: said in words, and the saved count stays.
    await tabTo(again.page, 'head-kids', 'Shift+Tab');
    await typeOver(again.page, '100001');
    await again.page.keyboard.press('Enter');
    await again.page.getByRole('alert').filter({ hasText: 'Kids: enter a whole number from 0 to 100000.' }).waitFor({ timeout: 15000 });
    expect((await read(dropIn.globalId)).attendance.headCount).toBe(37);
    await again.page.screenshot({ path: path.join(ARTIFACTS, 'door-head-count-1280.png'), fullPage: true });
    expect(await axeViolations(again.page, 'main')).toEqual([]);
    expect([...first.errors, ...again.errors]).toEqual([]);
  });
});
