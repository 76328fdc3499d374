import { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * The door page in a fresh browser context (closed by the caller through `contexts`), with every page
 * error and console error collected. `bypassCSP` only so axe-core's script can be added; the page's own
 * CSP is checked over HTTP in door-browser.test.ts.
 */
export async function openDoorPage(browser: Browser, url: string, contexts: BrowserContext[], width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`); });
  await page.goto(url);
  return { page, errors };
}

/** Types the partner key and presses Enter, as staff would. */
export async function enterDoorKey(page: Page, key: string): Promise<void> {
  await page.getByLabel('Partner API key').fill(key.replace(/^Bearer /, ''));
  await page.getByLabel('Partner API key').press('Enter');
}

/** What has the focus: its id, else its accessible name (aria-label or text). */
export const focused = (page: Page): Promise<string> => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return a ? a.id || a.getAttribute('aria-label') || (a.textContent ?? '').trim() : '';
});

/** Presses Tab (or Shift+Tab) until `target` (as `focused` says it) has the focus: keyboard alone, at most 40 presses. */
export async function tabTo(page: Page, target: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target} (focus is on ${await focused(page)})`);
}
