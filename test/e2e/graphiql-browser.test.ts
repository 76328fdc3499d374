import { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, TestServer } from '../support/server';

describe('GraphiQL in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads offline from our own assets and runs the default query against the demo', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.app.url)) outside.push(request.url());
    });
    await page.goto(server.graphqlUrl);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('Millbrook'), null, { timeout: 15000 });
    const result = await page.locator('.result-window').textContent();
    expect(result).toContain('"totalCount"');
    expect(outside).toEqual([]);
  });

  it.each([[1280, 720], [1024, 700]])('shows the whole default query beside the run button in a %i×%i window', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(server.graphqlUrl);
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .CodeMirror-code')?.textContent?.includes('remaining'), null, { timeout: 15000 });
    const fit = await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor')!;
      const scroller = editor.querySelector('.CodeMirror-scroll')!;
      const lines = Array.from(editor.querySelectorAll('.CodeMirror-line > span'));
      return {
        widestRight: Math.max(...lines.map((line) => line.getBoundingClientRect().right)),
        toolbarLeft: document.querySelector('.graphiql-toolbar')!.getBoundingClientRect().left,
        overflow: scroller.scrollWidth - scroller.clientWidth,
      };
    });
    // The longest line ends before the run/prettify/copy buttons, and the editor has nothing to scroll sideways.
    expect(fit.widestRight).toBeLessThan(fit.toolbarLeft);
    expect(fit.overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('has an icon the browser can draw (no 404 for /favicon.ico)', async () => {
    const page = await browser.newPage();
    await page.goto(server.graphqlUrl);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.ico');
    const drawn = await page.evaluate(() => new Promise<number>((resolve, reject) => {
      const icon = new Image();
      icon.onload = () => resolve(icon.naturalWidth);
      icon.onerror = () => reject(new Error('the icon does not decode'));
      icon.src = '/favicon.ico';
    }));
    expect(drawn).toBeGreaterThan(0);
    await page.close();
  });
});
