import { EmbedSettingsResolver } from './embed-settings.resolver';
import { PartnerFieldsResolver } from './partner-fields.resolver';
import type { PartnerService } from './partner.service';

/** The services the partners resolvers are built with (src/compose-schema.ts passes its own). */
export interface PartnersResolverServices {
  partners: PartnerService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function partnersResolvers(s: PartnersResolverServices): object[] {
  return [
    new PartnerFieldsResolver(s.partners),
    new EmbedSettingsResolver(s.partners),
  ];
}
