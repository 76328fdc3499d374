import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceFormat } from '../../../src/datasources/adapter';
import { PartnerKind } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { describeEachBackend } from '../../support/backends';
import { createSyncHarness, SyncHarness } from './sync-harness';

/** A museum's schema.org Event as published on its site: rescheduled, ticketed, run by a friends' group. */
function talk(price: string, availability: string) {
  return {
    '@context': 'https://schema.org', '@type': 'Event', '@id': 'https://museum.example.org/events/river-pilot',
    name: 'The river pilot: a talk', startDate: '2026-12-10T19:00:00-06:00', endDate: '2026-12-10T20:30:00-06:00',
    eventStatus: 'https://schema.org/EventRescheduled', previousStartDate: '2026-12-03T19:00:00-06:00',
    organizer: { '@type': 'Organization', name: 'Friends of the River Museum', url: 'https://friends.example.org/' },
    offers: [
      { '@type': 'Offer', name: 'Adult', price, priceCurrency: 'USD', url: 'https://museum.example.org/tickets/river-pilot', availability },
      { '@type': 'Offer', name: 'Member', price: '0', priceCurrency: 'USD', availability: 'https://schema.org/InStock' },
    ],
  };
}

const QUERY = `query ($id: ID!) { event(id: $id) { status previousStartsAt organizerName organizer { slug }
  offers { name price currency url availability } } }`;

describeEachBackend('JSON-LD partner details (offers, previousStartDate, organizer) through sync to the API', (backend) => {
  let h: SyncHarness;
  let dir: string;
  beforeAll(async () => {
    h = await createSyncHarness(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-jsonld-details-'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores offers, the previous start and the organizing body, exposes them, and a price change is an update', async () => {
    const file = path.join(dir, 'events.jsonld');
    fs.writeFileSync(file, JSON.stringify(talk('8.00', 'https://schema.org/InStock')));
    const partnerId = await h.addPartner('river-museum', PartnerKind.MUSEUM);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.JSONLD);
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 1, error: null });

    const [row] = await h.events(sourceId);
    const first = await h.graph.execute(QUERY, { id: toGlobalId('Event', row.id) });
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({
      event: {
        status: 'RESCHEDULED', previousStartsAt: '2026-12-04T01:00:00.000Z', organizerName: 'Friends of the River Museum',
        organizer: { slug: 'river-museum' },
        offers: [
          { name: 'Adult', price: 8, currency: 'USD', url: 'https://museum.example.org/tickets/river-pilot', availability: 'InStock' },
          { name: 'Member', price: 0, currency: 'USD', url: null, availability: 'InStock' },
        ],
      },
    });

    // Same document again: nothing to write. Then only the offer changes: an update with a new sequence.
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 0, updated: 0, unchanged: 1 });
    fs.writeFileSync(file, JSON.stringify(talk('10.00', 'https://schema.org/SoldOut')));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 0, updated: 1 });
    const [updated] = await h.events(sourceId);
    expect(updated.sequence).toBe(row.sequence + 1);
    expect(updated.offers[0]).toEqual({ name: 'Adult', price: 10, currency: 'USD', url: 'https://museum.example.org/tickets/river-pilot', availability: 'SoldOut' });
  });
});
