import { DataSource } from 'typeorm';
import { CatalogSinkItem } from '../../src/datasources/shared/catalog-item';
import { createMarcSourceAdapter } from '../../src/datasources/marc/marc.source';
import { HttpClient, SkippedItem, SourceFormat, SourceSpec } from '../../src/datasources/adapter';
import { PartnerKind } from '../../src/domain/enums';
import { stableId } from '../../src/domain/ids';
import { LocationEntity } from '../../src/model/location.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { CatalogSink } from '../../src/features/catalog/catalog.sink';
import { SinkCounts } from '../../src/datasources/shared/sink';

/** A LIBRARY partner with branches whose codes the MARC items use. */
export async function createLibrary(db: DataSource, slug: string, branches: string[]): Promise<PartnerEntity> {
  const partner = db.getRepository(PartnerEntity).create({
    id: stableId('test-partner', slug), slug, name: `${slug} library`, kind: PartnerKind.LIBRARY, website: null,
    timezone: 'America/Chicago', createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  await db.getRepository(PartnerEntity).insert(partner);
  await db.getRepository(LocationEntity).insert(branches.map((code) => ({
    id: stableId('test-location', slug, code), partnerId: partner.id, code, name: `${code} branch`, address: null, lat: null, lon: null, accessibility: null,
  })));
  return partner;
}

export const marcSpec = (partnerId: string, url: string, sourceId = `marc-${partnerId}`): SourceSpec => ({
  id: sourceId, partnerId, format: SourceFormat.MARC, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date(0), to: new Date(0) }, validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {},
});

/** What the sync engine does for a MARC source: pull through the adapter, hand the items to the catalog sink. */
export async function syncMarc(db: DataSource, http: HttpClient, spec: SourceSpec, now = new Date()): Promise<SinkCounts & { skipped: SkippedItem[] }> {
  const pull = await createMarcSourceAdapter().pull(spec, http);
  const counts = await new CatalogSink().apply(
    { db, source: { id: spec.id, partnerId: spec.partnerId, partnerTimezone: spec.partnerTimezone }, now, incremental: pull.incremental, deletedExternalIds: pull.deletedExternalIds ?? [] },
    pull.items as AsyncIterable<CatalogSinkItem>,
  );
  return { ...counts, skipped: pull.skipped };
}
