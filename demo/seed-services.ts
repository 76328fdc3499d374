import { DataSource } from 'typeorm';
import { isSkipped, mapHsdsService } from '../src/datasources/hsds/hsds.map';
import { servicesFromJson } from '../src/datasources/hsds/hsds.parse';
import { NormalizedService } from '../src/datasources/service-item';
import { stableId } from '../src/domain/ids';
import { ServicesSink } from '../src/services/sync/services.sink';
import { foodShareServices, literacyServices } from './feeds/nonprofits-hsds';
import { TOWN_TIMEZONE } from './town';

/** The demo's HSDS source id per nonprofit (until the sync engine owns Source rows for the demo). */
export const demoHsdsSourceId = (slug: string) => stableId('demo-source', slug, 'hsds');

/**
 * Loads the nonprofits' listings through the real HSDS mapper and services sink (the same path a
 * sync takes after the pull). Dated sessions are not stored here: the seed's events come from
 * demo/town.ts until the demo is routed through the sync engine.
 */
export async function seedDemoServices(db: DataSource, now: Date): Promise<number> {
  const sink = new ServicesSink();
  const window = { from: now, to: new Date(now.getTime() + 56 * 86_400_000) };
  let stored = 0;
  for (const [slug, listings] of [['millbrook-food-share', foodShareServices(now)], ['riverbend-literacy', literacyServices(now)]] as const) {
    const items = servicesFromJson(listings, slug).map((raw) => mapHsdsService(raw, { zone: TOWN_TIMEZONE, window }))
      .filter((m): m is NormalizedService => !isSkipped(m));
    const counts = await sink.apply({
      db, now, incremental: false, deletedExternalIds: [],
      source: { id: demoHsdsSourceId(slug), partnerId: stableId('demo-partner', slug), partnerTimezone: TOWN_TIMEZONE },
    }, items);
    stored += counts.created + counts.updated + counts.unchanged;
  }
  return stored;
}
