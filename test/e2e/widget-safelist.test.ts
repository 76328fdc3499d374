import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, parse, validate } from 'graphql';
import { Browser } from 'playwright-core';
import { PartnerEntity } from '../../src/model/partner.entity';
import { SHIPPED_MANIFEST_FILE, shippedManifest } from '../../src/edge/browser/shipped-operations';
import { sha256Hex } from '../../src/edge/persisted-queries';
import { buildSchemaOver } from '../../src/compose-schema';
import { WIDGET_CANCEL, WIDGET_HOLD, WIDGET_MY_REGISTRATION, WIDGET_REGISTER, WIDGET_RELEASE_HOLD } from '../../src/edge/browser/widget/operations';
import { launchBrowser } from '../support/browser';
import { insertNativeEvent } from '../support/native-event';
import { PartnerSite, startPartnerSite } from '../support/partner-site';
import { until } from '../support/until';
import { startTestServer, TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

describe('the shipped persisted operation manifest', () => {
  it('is up to date with the widget and dashboard documents (npm run persisted:emit)', () => {
    expect(fs.readFileSync(SHIPPED_MANIFEST_FILE, 'utf8')).toBe(shippedManifest());
  });
});

describe('the widget and the dashboard on a public deployment in safelist mode (SAFELIST_FILE = persisted-operations.json)', () => {
  let server: TestServer;
  let site: PartnerSite;
  let browser: Browser;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    schema = await buildSchemaOver();
    server = await startTestServer('sqlite', { env: { SAFELIST_FILE: SHIPPED_MANIFEST_FILE } });
    site = await startPartnerSite({
      '/widget.html': `<script src="${server.app.url}/widget.js" data-partner="millbrook-library" data-text="Safelisted sewing" async></script>`,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('has only operations the running schema accepts', () => {
    const manifest = JSON.parse(shippedManifest());
    for (const op of manifest.operations) {
      expect([op.name, validate(schema, parse(op.body)).map((e) => e.message)]).toEqual([op.name, []]);
    }
  });

  it('refuses a public operation that is not in the manifest', async () => {
    const { status, json } = await server.post({ query: '{ partners { slug } }' });
    expect(status).toBe(403);
    expect(json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('still serves the widget: the register form and the manage view send only hashes, and live seats follow', async () => {
    const library = await server.app.db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' });
    await insertNativeEvent(server.app.db, library.id, { title: 'Safelisted sewing', capacity: 5, waitlistCapacity: 0, maxPartySize: 1 });
    const page = await (await browser.newContext()).newPage();
    const sent: any[] = [];
    page.on('request', (r) => { if (r.url() === server.graphqlUrl && r.method() === 'POST') sent.push(r.postDataJSON()); });
    await page.goto(`${site.url}/widget.html`);
    const article = page.locator('.community-graph-events article', { hasText: 'Safelisted sewing' });
    await article.waitFor({ timeout: 15000 });
    await article.getByRole('button', { name: 'Register for Safelisted sewing' }).click();
    await article.getByRole('timer').filter({ hasText: /^Your seat is held/ }).waitFor({ timeout: 15000 });
    await article.getByLabel('Name').fill('Ada Lovelace');
    await article.getByLabel('Email').fill('ada@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    await article.getByRole('status').filter({ hasText: /^You are registered \(confirmed\)\./ }).waitFor({ timeout: 15000 });
    await article.getByText('4 spots left').waitFor({ timeout: 15000 });
    // One request each for the hold, the registration and giving back what is left of the hold, hash
    // only: the manifest already holds the text.
    expect(sent).toEqual([{
      operationName: 'WidgetHold',
      variables: { eventId: expect.any(String), partySize: 1 },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(WIDGET_HOLD) } },
    }, {
      operationName: 'WidgetRegister',
      variables: {
        eventId: expect.any(String), name: 'Ada Lovelace', email: 'ada@example.org', partySize: 1, idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{32,128}$/),
        holdId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(WIDGET_REGISTER) } },
    }, {
      operationName: 'WidgetReleaseHold',
      variables: { eventId: expect.any(String), holdId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(WIDGET_RELEASE_HOLD) } },
    }]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-safelist-mode.png'), fullPage: true });

    sent.length = 0;
    await article.getByRole('button', { name: 'Manage my registration' }).click();
    const manage = page.locator('.community-graph-events form[aria-label="Look up a registration"]');
    await manage.getByText('Status: Confirmed').waitFor({ timeout: 15000 });
    await manage.getByRole('button', { name: 'Cancel my registration' }).click();
    await manage.getByRole('button', { name: 'Yes, cancel' }).click();
    await manage.getByRole('status').filter({ hasText: 'Your registration is cancelled.' }).waitFor({ timeout: 15000 });
    await article.getByText('5 spots left').waitFor({ timeout: 15000 });
    expect(sent.map((b) => [b.operationName, Boolean(b.query), b.extensions.persistedQuery.sha256Hash])).toEqual([
      ['WidgetMyRegistration', false, sha256Hex(WIDGET_MY_REGISTRATION)],
      ['WidgetCancel', false, sha256Hex(WIDGET_CANCEL)],
    ]);
  });

  it('still serves the dashboard\'s public view', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.app.url}/dashboard?partner=millbrook-library`);
    await page.locator('#live', { hasText: 'Live' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#seats-body tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
  });
});

describe('the widget on a server with persisted queries off (PERSISTED_QUERIES=off)', () => {
  it('falls back to sending the full register document', async () => {
    const server = await startTestServer('sqlite', { env: { PERSISTED_QUERIES: 'off' } });
    const site = await startPartnerSite({
      '/widget.html': `<script src="${server.app.url}/widget.js" data-partner="millbrook-library" data-text="Plain pottery" async></script>`,
    });
    const browser = await launchBrowser();
    try {
      const library = await server.app.db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' });
      await insertNativeEvent(server.app.db, library.id, { title: 'Plain pottery', capacity: 5, maxPartySize: 1 });
      const page = await browser.newPage();
      const sent: any[] = [];
      page.on('request', (r) => { if (r.url() === server.graphqlUrl && r.method() === 'POST') sent.push(r.postDataJSON()); });
      await page.goto(`${site.url}/widget.html`);
      const article = page.locator('.community-graph-events article', { hasText: 'Plain pottery' });
      await article.waitFor({ timeout: 15000 });
      await article.getByRole('button', { name: 'Register for Plain pottery' }).click();
      await article.getByRole('timer').filter({ hasText: /^Your seat is held/ }).waitFor({ timeout: 15000 });
      await article.getByLabel('Name').fill('Ada Lovelace');
      await article.getByLabel('Email').fill('ada@example.org');
      await article.getByRole('button', { name: 'Send registration' }).click();
      await article.getByRole('status').filter({ hasText: /^You are registered \(confirmed\)\./ }).waitFor({ timeout: 15000 });
      // The hold is given back after the answer, in two requests of its own.
      await until(() => sent.length >= 6, 'the hold was given back', 15_000);
      expect(sent.map((b) => [b.operationName, Boolean(b.query), Boolean(b.extensions)])).toEqual([
        ['WidgetHold', false, true], ['WidgetHold', true, false], ['WidgetRegister', false, true], ['WidgetRegister', true, false],
        ['WidgetReleaseHold', false, true], ['WidgetReleaseHold', true, false],
      ]);
    } finally {
      await browser.close();
      await site.close();
      await server.close();
    }
  });
});
