import { MoreThan } from 'typeorm';
import { toGlobalId } from '../../../src/domain/global-id';
import { RegistrationMode } from '../../../src/domain/enums';
import { EventEntity } from '../../../src/model/event.entity';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { describeEachBackend } from '../../support/backends';
import { startTestServer, TestServer } from '../../support/server';

/**
 * Defence in depth: a row stored before adapters checked links (written here straight into the
 * database, past every adapter and mutation) still never reaches a client as a javascript: link.
 */
const HOSTILE = 'javascript:alert(document.cookie)';

describeEachBackend('a stored non-web link is published nowhere', (backend) => {
  let server: TestServer;
  let event: EventEntity;
  let partner: PartnerEntity;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const db = server.app.db;
    partner = await db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' });
    event = await db.getRepository(EventEntity).findOneOrFail({
      where: { partnerId: partner.id, startsAt: MoreThan(new Date()) }, order: { startsAt: 'ASC' },
    });
    await db.getRepository(EventEntity).update({ id: event.id }, {
      url: HOSTILE, imageUrl: 'data:text/html,<script>alert(1)</script>', registrationMode: RegistrationMode.EXTERNAL,
      registrationUrl: ' JaVaScRiPt:alert(1)', offers: [{ name: 'Ticket', price: 5, currency: 'USD', url: 'vbscript:msgbox(1)', availability: 'InStock' }],
      updatedAt: new Date(),
    });
    await db.getRepository(PartnerEntity).update({ id: partner.id }, { website: HOSTILE });
  });
  afterAll(() => server.close());

  const noScriptLink = (text: string) => expect(text).not.toMatch(/javascript:|vbscript:|data:text\/html/i);

  it('GraphQL answers null for Event.url, imageUrl, registration.url and the offer url', async () => {
    const { json } = await server.post({
      query: 'query ($id: ID!) { node(id: $id) { ... on Event { title url imageUrl registration { mode url } offers { price url } } } }',
      variables: { id: toGlobalId('Event', event.id) },
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.node).toEqual({
      title: event.title, url: null, imageUrl: null, registration: { mode: 'EXTERNAL', url: null }, offers: [{ price: 5, url: null }],
    });
  });

  it.each(['/feeds/events.json', '/feeds/events.rss', '/feeds/events.ics', '/embed/events'])('%s keeps the event and shows no such link', async (path) => {
    const response = await fetch(`${server.app.url}${path}?partner=millbrook-library`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(event.title);
    noScriptLink(text);
  });

  it('the single-event .ics has no URL property for it', async () => {
    const response = await fetch(`${server.app.url}/feeds/events/${encodeURIComponent(toGlobalId('Event', event.id))}.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const vevent = text.slice(text.indexOf('BEGIN:VEVENT'), text.indexOf('END:VEVENT'));
    expect(vevent).toContain(`SUMMARY:${event.title}`);
    expect(vevent).not.toMatch(/^URL/m);
    noScriptLink(text);
  });
});
