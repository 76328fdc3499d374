import type { PartnerService } from '../partners/partner.service';
import { SourceAdminResolver } from './source-admin.resolver';
import { SourceFieldsResolver } from './source-fields.resolver';
import { PartnerSourcesFieldsResolver } from './source-fields.resolver';
import type { SourceService } from './source.service';

/** The services the sources and their sync resolvers are built with (src/compose-schema.ts passes its own). */
export interface SourcesResolverServices {
  sources: SourceService;
  partners: PartnerService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function sourcesResolvers(s: SourcesResolverServices): object[] {
  return [
    new SourceAdminResolver(s.sources),
    new SourceFieldsResolver(s.sources, s.partners),
    new PartnerSourcesFieldsResolver(s.sources),
  ];
}
