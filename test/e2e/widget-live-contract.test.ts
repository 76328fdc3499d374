import { EventEmitter, on } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema, graphql, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { buildWidget } from '../../src/embed/widget-bundle';
import { launchBrowser } from '../support/browser';
import { startTestServer, TestServer } from '../support/server';

/**
 * The registrations API is built in another issue. Until it lands, the widget's live parts are checked
 * here against a graphql-ws + HTTP endpoint that serves EXACTLY the agreed contract (the names below),
 * while events still come from the real server's feed. When the real API lands, the same widget code
 * is switched on by the schema and this test can point at the real server instead.
 */
const CONTRACT = `
  type Query { ok: Boolean }
  enum RegistrationStatus { CONFIRMED WAITLISTED CANCELLED }
  type Registration { id: ID! status: RegistrationStatus! waitlistPosition: Int }
  type RegistrationTicket { registration: Registration! cancelToken: String! }
  type RegistrationRejected { code: String! message: String! }
  union RegisterPayload = RegistrationTicket | RegistrationRejected
  input RegisterInput { eventId: ID! name: String! email: String! partySize: Int! }
  type Mutation { register(input: RegisterInput!): RegisterPayload! }
  type RegistrationCounts { eventId: ID! capacity: Int confirmed: Int! waitlisted: Int! remaining: Int changedAt: String! }
  type Subscription { registrationCounts(eventIds: [ID!], partnerId: ID): RegistrationCounts! }
`;

function contractSchema(counts: EventEmitter, subscribed: (ids: string[]) => void): GraphQLSchema {
  const schema = buildSchema(CONTRACT);
  const field = schema.getSubscriptionType()!.getFields().registrationCounts;
  field.subscribe = async function* (_root: unknown, args: { eventIds: string[] }) {
    subscribed(args.eventIds);
    for await (const [payload] of on(counts, 'counts')) {
      if (args.eventIds.includes(payload.eventId)) yield { registrationCounts: payload };
    }
  };
  const union = schema.getType('RegisterPayload') as unknown as { resolveType: (v: { __typename: string }) => string };
  union.resolveType = (value) => value.__typename;
  return schema;
}

const register = ({ input }: { input: { email: string; partySize: number } }) => (input.email.startsWith('full')
  ? { __typename: 'RegistrationRejected', code: 'FULL', message: 'This event is full and its waitlist too.' }
  : { __typename: 'RegistrationTicket', registration: { id: 'r1', status: input.partySize > 1 ? 'WAITLISTED' : 'CONFIRMED', waitlistPosition: input.partySize > 1 ? 2 : null }, cancelToken: 'tok-123' });

describe('the widget\'s live parts against the registrations contract', () => {
  let server: TestServer;
  let browser: Browser;
  let api: http.Server;
  let apiUrl: string;
  let site: http.Server;
  let siteUrl: string;
  const counts = new EventEmitter();
  let subscribedIds: Promise<string[]>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const widget = await buildWidget({ registrations: true });
    let onSubscribed!: (ids: string[]) => void;
    subscribedIds = new Promise((resolve) => { onSubscribed = resolve; });
    const schema = contractSchema(counts, (ids) => onSubscribed(ids));
    api = http.createServer(async (req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-headers', 'content-type');
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
      if (req.url === '/widget.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(widget);
      if (req.url?.startsWith('/feeds/')) {
        const upstream = await fetch(`${server.app.url}${req.url}`);
        return res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type')! }).end(await upstream.text());
      }
      if (req.url === '/graphql' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const { query, variables } = JSON.parse(body);
        // Like any server with automatic persisted queries: a hash it has not seen yet is asked for in full.
        if (!query) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }));
        const result = await graphql({ schema, source: query, variableValues: variables, rootValue: { register } });
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      }
      res.writeHead(404).end();
    });
    useServer({ schema }, new WebSocketServer({ server: api, path: '/graphql' }));
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><title>Museum</title>
      <h1>Museum</h1><script src="${apiUrl}/widget.js" data-partner="millbrook-museum" data-limit="3" async></script>`));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    api?.closeAllConnections();
    await new Promise((resolve) => api?.close(resolve));
    await server?.close();
  });

  it('updates "spots left" from registrationCounts and registers through the inline form', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/`);
    const feed = await (await fetch(`${server.app.url}/feeds/events.json?partner=millbrook-museum&limit=3`)).json();
    const native = feed.items.find((i: any) => i._community_graph.registration.mode === 'NATIVE');
    const ids = await subscribedIds;
    expect(ids).toContain(native.id);

    const article = page.locator('.community-graph-events article', { hasText: native.title }).first();
    await article.waitFor({ timeout: 15000 });
    counts.emit('counts', { eventId: native.id, capacity: 30, confirmed: 27, waitlisted: 0, remaining: 3, changedAt: new Date().toISOString() });
    await article.getByText('3 spots left').waitFor({ timeout: 5000 });

    await article.getByRole('button', { name: `Register for ${native.title}` }).click();
    await article.getByLabel('Name').fill('Ada');
    await article.getByLabel('Email').fill('ada@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    await article.getByText('You are registered (confirmed). To cancel later, keep this code: tok-123').waitFor({ timeout: 5000 });

    await article.getByLabel('Email').fill('full@example.org');
    await article.getByRole('button', { name: 'Send registration' }).click();
    await article.getByText('This event is full and its waitlist too.').waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(__dirname, '../../test-artifacts/widget-live-contract.png'), fullPage: true });
  });
});
