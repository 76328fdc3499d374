import type { PartnerService } from '../partners/partner.service';
import { ImpactGroupFieldsResolver, ImpactResolver } from './impact.resolver';
import type { ImpactService } from './impact.service';

/** The services the impact resolvers are built with (src/compose-schema.ts passes its own). */
export interface ImpactResolverServices {
  impact: ImpactService;
  partners: PartnerService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function impactResolvers(s: ImpactResolverServices): object[] {
  return [new ImpactResolver(s.impact), new ImpactGroupFieldsResolver(s.partners)];
}
