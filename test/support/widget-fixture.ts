import fs from 'node:fs';
import path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { createPartner, REGISTER } from './native-event';
import { PartnerSite, startPartnerSite } from './partner-site';
import { startTestServer, TestServer } from './server';

/** Screenshots for people to look at; gitignored, kept by CI as artifacts. */
export const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

/** The real server (SQLite), one partner whose events page on a second origin embeds the widget, and Chromium. */
export interface WidgetFixture {
  server: TestServer;
  site: PartnerSite;
  browser: Browser;
  partnerId: string;
  /** A new browser context on the partner's events page (`hash` appended), once the card titled `title` shows. */
  open(title: string, options?: { fakeClock?: boolean; hash?: string }): Promise<{ page: Page; article: Locator }>;
  /** Registers someone through the API: the registration's global id and its code. */
  registerByApi(eventId: string, email: string): Promise<{ id: string; code: string }>;
  close(): Promise<void>;
}

export async function startWidgetFixture(slug: string): Promise<WidgetFixture> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer('sqlite');
  const partnerId = (await createPartner(server.app.db, slug)).partner.id;
  const site = await startPartnerSite({ '/events.html': `<script src="${server.app.url}/widget.js" data-partner="${slug}" async></script>` });
  const browser = await launchBrowser();
  return {
    server, site, browser, partnerId,
    async open(title, options = {}) {
      const page = await (await browser.newContext()).newPage();
      if (options.fakeClock) await page.clock.install();
      await page.goto(`${site.url}/events.html${options.hash ?? ''}`);
      const article = page.locator('.community-graph-events article', { hasText: title });
      await article.waitFor({ timeout: 15000 });
      return { page, article };
    },
    async registerByApi(eventId, email) {
      const { json } = await server.post({ query: REGISTER, variables: { input: { eventId, name: 'Someone', email } } });
      return { id: json.data.register.registration.id, code: json.data.register.cancelToken };
    },
    async close() {
      await browser.close();
      await site.close();
      await server.close();
    },
  };
}
