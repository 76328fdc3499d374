import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { SkippedItem } from '../src/datasources/adapter';
import { catalogRecords } from '../src/datasources/marc/marc.source';
import { stableId } from '../src/domain/ids';
import { CatalogSink } from '../src/services/catalog/catalog.sink';
import { TOWN_TIMEZONE } from './town';

/** Millbrook Public Library's small catalog (invented records, Koha-style 952 items on CEN / EAS / RIV). */
export const DEMO_CATALOG_FILE = path.join(__dirname, 'millbrook-catalog.marcxml');

/**
 * Loads the demo catalog through the MARC parser and the catalog sink, exactly as a MARC source sync
 * stores it (until the demo gets a real MARC Source, which will then own these rows).
 */
export async function loadDemoCatalog(db: DataSource, now: Date): Promise<number> {
  const skipped: SkippedItem[] = [];
  const partnerId = stableId('demo-partner', 'millbrook-library');
  const counts = await new CatalogSink().apply(
    { db, source: { id: stableId('demo-source', 'millbrook-catalog'), partnerId, partnerTimezone: TOWN_TIMEZONE }, now, incremental: false, deletedExternalIds: [] },
    catalogRecords(fs.createReadStream(DEMO_CATALOG_FILE), skipped),
  );
  if (skipped.length) throw new Error(`demo catalog has unreadable records: ${JSON.stringify(skipped)}`);
  return counts.created + counts.updated + counts.unchanged;
}
