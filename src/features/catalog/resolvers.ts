import type { PartnerService } from '../partners/partner.service';
import type { SourceService } from '../sources/source.service';
import type { AvailabilityService } from './availability.service';
import { CatalogConnectionFieldsResolver } from './catalog-connection-fields.resolver';
import type { CatalogLinksService } from './catalog-links.service';
import { CatalogQueryResolver } from './catalog-query.resolver';
import { CatalogRecordFieldsResolver } from './catalog-record-fields.resolver';
import { CatalogRecordProvenanceFieldsResolver } from './catalog-record-provenance-fields.resolver';
import type { CatalogService } from './catalog.service';
import { EventCatalogFieldsResolver } from './event-catalog-fields.resolver';
import { HoldingFieldsResolver } from './holding-fields.resolver';

/** The services the catalog resolvers are built with (src/compose-schema.ts passes its own). */
export interface CatalogResolverServices {
  catalog: CatalogService;
  partners: PartnerService;
  availability: AvailabilityService;
  catalogLinks: CatalogLinksService;
  sources: SourceService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function catalogResolvers(s: CatalogResolverServices): object[] {
  return [
    new CatalogQueryResolver(s.catalog),
    new CatalogRecordFieldsResolver(s.partners, s.availability, s.catalogLinks),
    new CatalogRecordProvenanceFieldsResolver(s.sources),
    new CatalogConnectionFieldsResolver(),
    new HoldingFieldsResolver(s.partners),
    new EventCatalogFieldsResolver(s.catalogLinks),
  ];
}
