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
});
