import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { enterDoorKey, openDoorPage } from '../support/door-page';
import { localIdOf } from '../../src/domain/global-id';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

describe('the door page: staff check people in from a phone, keyboard alone', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let other: Awaited<ReturnType<typeof createPartner>>;
  let event: Awaited<ReturnType<typeof insertNativeEvent>>;
  const ids: Record<string, string> = {};

  const register = async (name: string, partySize: number) => {
    const { json } = await server.post({ query: REGISTER, variables: { input: { eventId: event.globalId, name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, partySize } } });
    ids[name] = json.data.register.registration.id;
    return json.data.register.registration.status;
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer('sqlite');
    owner = await createPartner(server.app.db, 'riverside-makers');
    other = await createPartner(server.app.db, 'other-partner');
    event = await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Family robotics night', capacity: 8, waitlistCapacity: 6 });
    expect(await register('Ada Lovelace', 3)).toBe('CONFIRMED');
    expect(await register('Grace Hopper', 1)).toBe('CONFIRMED');
    expect(await register('Zoë Adebayo-Fernández', 4)).toBe('CONFIRMED');
    expect(await register('Alan Turing', 2)).toBe('WAITLISTED');
    expect(await register('Katherine Johnson', 1)).toBe('WAITLISTED');
    // An invitation, as an INVITE waitlist opens one (that flow has its own tests): the page shows its end.
    await server.app.db.getRepository(RegistrationEntity).update({ id: localIdOf('Registration', ids['Katherine Johnson']) }, { invitedUntil: new Date(Date.now() + 86_400_000) });
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

  const openDoor = (width = 1280) => openDoorPage(browser, `${server.app.url}/door?event=${event.globalId}`, contexts, width);
  const enterKey = enterDoorKey;

  const bodyText = (page: Page) => page.locator('body').innerText();

  it('serves a static page with the staff pages\' CSP, and refuses an address without an event id', async () => {
    const res = await fetch(`${server.app.url}/door?event=${event.globalId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).not.toContain('Family robotics night');
    for (const bad of ['/door', `/door?event=${owner.globalId}`, `/door?event=${event.globalId}&x=1`]) {
      const refused = await fetch(server.app.url + bad);
      expect([bad, refused.status]).toEqual([bad, 400]);
      expect(await refused.text()).toContain('role="alert"');
    }
  });

  it('shows nothing personal before the key, then checks a party in from the keyboard; the counts follow', async () => {
    const { page, errors } = await openDoor();
    expect(await page.locator('#door').isHidden()).toBe(true);
    for (const name of ['Ada', 'Grace', 'Alan', 'Katherine', 'Family robotics night']) expect(await bodyText(page)).not.toContain(name);
    expect(await axeViolations(page, 'main')).toEqual([]);

    await enterKey(page, owner.key);
    await page.locator('#door').waitFor({ timeout: 15000 });
    expect(await page.locator('h1').textContent()).toBe('Family robotics night');
    expect(await page.locator('#when').textContent()).toMatch(/\d{4}/);
    expect(await page.getByLabel('Partner API key').isHidden()).toBe(true);
    // The search box is where typing goes next.
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('search');
    expect([await page.locator('#c-checked-in').textContent(), await page.locator('#c-waitlisted').textContent(), await page.locator('#c-held').textContent()])
      .toEqual(['0 of 8', '3', '0']);
    expect(await page.locator('#confirmed .name').allTextContents()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Zoë Adebayo-Fernández']);
    expect(await page.locator('#confirmed li', { hasText: 'Ada Lovelace' }).locator('.party').textContent()).toBe('3 people');
    expect(await page.locator('#waitlisted li').allInnerTexts()).toEqual([expect.stringMatching(/^Alan Turing\s+2 people$/), expect.stringMatching(/^Katherine Johnson\s+1 person\s+invited until .+/)]);
    expect(await page.locator('#confirmed button[aria-pressed=false]').count()).toBe(3);
    expect(await axeViolations(page, 'main')).toEqual([]);

    // Typing narrows both lists; accents and case do not matter.
    await page.keyboard.type('zoe');
    expect(await page.locator('#confirmed li:visible .name').allTextContents()).toEqual(['Zoë Adebayo-Fernández']);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('lovelace');
    expect(await page.locator('#confirmed li:visible .name').allTextContents()).toEqual(['Ada Lovelace']);
    expect(await page.locator('#waitlisted li:visible').count()).toBe(0);
    expect(await page.locator('#waitlisted-none').textContent()).toBe('No one waitlisted matches “lovelace”.');

    // Keyboard alone: Tab from the search box reaches the only row's button; Enter checks the party in.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.getAttribute('aria-label'))).toBe('Check in Ada Lovelace');
    await page.keyboard.press('Enter');
    const ada = page.locator('#confirmed li', { hasText: 'Ada Lovelace' });
    await ada.locator('button[aria-pressed=true]').waitFor({ timeout: 15000 });
    expect(await ada.locator('.state').textContent()).toBe('Checked in');
    expect(await page.locator('#c-checked-in').textContent()).toBe('3 of 8');
    expect(await page.locator('#status').textContent()).toBe('Ada Lovelace (3 people) checked in. 3 of 8 people checked in.');
    const stored = await server.app.db.getRepository(RegistrationEntity).findOneByOrFail({ id: localIdOf('Registration', ids['Ada Lovelace']) });
    expect(stored.attended).toBe(true);
    expect((await storedCounts(server.app.db, event.id)).attended).toBe(3);

    // Space undoes it (a mistaken press at a busy door), and does it again; focus stays on the button.
    await page.keyboard.press('Space');
    await ada.locator('button[aria-pressed=false]').waitFor({ timeout: 15000 });
    expect(await page.locator('#c-checked-in').textContent()).toBe('0 of 8');
    expect((await storedCounts(server.app.db, event.id)).attended).toBe(0);
    await page.keyboard.press('Space');
    await ada.locator('button[aria-pressed=true]').waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => document.activeElement!.getAttribute('aria-label'))).toBe('Check in Ada Lovelace');
    const counts = await storedCounts(server.app.db, event.id);
    expect([counts.attended, counts.rows.attended]).toEqual([3, 3]);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    expect(await page.locator('#confirmed li:visible').count()).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'door-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'door-375.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);
    // Nothing of the key is kept by the page's storage.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says in words why a wrong key or another partner\'s key does not open the list, and shows no one', async () => {
    const { page } = await openDoor(375);
    await enterKey(page, 'not-a-real-key-0123456789');
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'That key was not accepted' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#door').isHidden()).toBe(true);
    await enterKey(page, other.key);
    await alert.filter({ hasText: 'must be the key of the partner running the event' }).waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toMatch(/\(.+\)$/);
    for (const name of ['Ada', 'Alan', 'Family robotics night']) expect(await bodyText(page)).not.toContain(name);
    // The key form is still there, for the right key.
    await enterKey(page, owner.key);
    await page.locator('#door').waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toBe('');
  });
});
