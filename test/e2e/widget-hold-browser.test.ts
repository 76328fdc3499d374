import path from 'node:path';
import { Locator } from 'playwright-core';
import { EventEntity } from '../../src/model/event.entity';
import { parseHolds } from '../../src/features/events/seat-holds';
import { insertNativeEvent } from '../support/native-event';
import { ARTIFACTS, startWidgetFixture, WidgetFixture } from '../support/widget-fixture';

/**
 * The widget holds seats while its register form is open (issue 20): a countdown the person sees,
 * seats that others see taken, given back when the form closes, used by the registration.
 */
describe('the widget holds seats while the form is filled in', () => {
  let fixture: WidgetFixture;
  let server: WidgetFixture['server'];
  let partnerId: string;

  beforeAll(async () => {
    fixture = await startWidgetFixture('hold-fixture');
    ({ server, partnerId } = fixture);
  });
  afterAll(() => fixture?.close());

  const openWidget = (title: string, options: { fakeClock?: boolean } = {}) => fixture.open(title, options);
  /** What the form's hold says to screen readers (a polite live region, visually hidden). */
  const said = (article: Locator) => article.locator('p.sr[aria-live=polite]').textContent();
  const heldOn = async (eventId: string) =>
    parseHolds((await server.app.db.getRepository(EventEntity).findOneByOrFail({ id: eventId })).seatHolds).map((h) => h.n);

  it('holds on open with a countdown, others see the seats taken, the party size re-holds, closing gives them back, and sending uses them', async () => {
    const event = await insertNativeEvent(server.app.db, partnerId, { title: 'Hold: paper lanterns', capacity: 3, maxPartySize: 3 });
    const { page, article } = await openWidget('Hold: paper lanterns');
    const other = await openWidget('Hold: paper lanterns');
    await article.getByText('3 spots left').waitFor({ timeout: 15000 });

    await article.getByRole('button', { name: 'Register for Hold: paper lanterns' }).click();
    const timer = article.getByRole('timer');
    await timer.filter({ hasText: /^Your seat is held for (11:00|10:5\d)\.$/ }).waitFor({ timeout: 15000 });
    expect(await said(article)).toBe('A seat is held for you for 11 minutes.');
    expect(await heldOn(event.id)).toEqual([1]);
    // Someone else's widget counts the held seat as taken, live.
    await other.article.getByText('2 spots left').waitFor({ timeout: 30_000 });

    await article.getByLabel('Adults').fill('2');
    await article.getByLabel('Adults').blur();
    await timer.filter({ hasText: /^Your 2 seats are held for (12:00|11:5\d)\.$/ }).waitFor({ timeout: 15000 });
    expect(await heldOn(event.id)).toEqual([2]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-seat-hold.png'), fullPage: true });

    // Closing the form lets the seats go.
    await article.getByRole('button', { name: 'Register for Hold: paper lanterns' }).click();
    await other.article.getByText('3 spots left').waitFor({ timeout: 30_000 });
    expect(await heldOn(event.id)).toEqual([]);

    await article.getByRole('button', { name: 'Register for Hold: paper lanterns' }).click();
    await article.getByLabel('Adults').fill('2');
    await article.getByLabel('Children').fill('1');
    await article.getByLabel('Children').blur();
    await timer.filter({ hasText: /^Your 3 seats are held/ }).waitFor({ timeout: 15000 });
    await other.article.getByText('Full, waitlist open').waitFor({ timeout: 30_000 });
    await article.getByLabel('Name').fill('Lin Lantern');
    await article.getByLabel('Email').fill('lin@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    await article.getByRole('status').filter({ hasText: /^You are registered \(confirmed\)/ }).waitFor({ timeout: 15000 });
    expect(await timer.isVisible()).toBe(false);
    expect(await heldOn(event.id)).toEqual([]);
    await page.context().close();
    await other.page.context().close();
  });

  it('says when the hold has ended, and the form still registers', async () => {
    await insertNativeEvent(server.app.db, partnerId, { title: 'Hold: slow writer', capacity: 5, maxPartySize: 1 });
    const { page, article } = await openWidget('Hold: slow writer', { fakeClock: true });
    await article.getByRole('button', { name: 'Register for Hold: slow writer' }).click();
    const timer = article.getByRole('timer');
    await timer.filter({ hasText: /^Your seat is held for/ }).waitFor({ timeout: 15000 });
    await page.clock.runFor(11 * 60_000 + 1000);
    await timer.filter({ hasText: 'Your hold has ended; you can still send the form.' }).waitFor({ timeout: 15000 });
    expect(await said(article)).toBe('Your hold on the seats has ended; you can still send the form.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-seat-hold-ended.png'), fullPage: true });
    await article.getByLabel('Name').fill('Sam Slow');
    await article.getByLabel('Email').fill('sam@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    await article.getByRole('status').filter({ hasText: /^You are registered \(confirmed\)/ }).waitFor({ timeout: 15000 });
    await page.context().close();
  });

  it('tells the person when only the waitlist has room', async () => {
    const event = await insertNativeEvent(server.app.db, partnerId, { title: 'Hold: full class', capacity: 2, waitlistCapacity: 5, maxPartySize: 1 });
    await server.app.db.getRepository(EventEntity).update({ id: event.id }, { confirmedCount: 2 });
    const { page, article } = await openWidget('Hold: full class');
    await article.getByRole('button', { name: 'Register for Hold: full class' }).click();
    await article.getByRole('timer').filter({ hasText: 'No seat is free right now: sending the form puts you on the waitlist.' }).waitFor({ timeout: 15000 });
    expect(await heldOn(event.id)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-seat-hold-waitlist.png'), fullPage: true });
    await page.context().close();
  });
});
