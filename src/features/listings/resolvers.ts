import { PartnerServicesFieldsResolver } from './partner-services-fields.resolver';
import { ServiceConnectionFieldsResolver } from './service-connection-fields.resolver';
import { ServiceFieldsResolver } from './service-fields.resolver';
import { ServicePhoneFieldsResolver } from './service-phone-fields.resolver';
import type { ServiceListingService } from './service-listing.service';
import { ServiceQueryResolver } from './service-query.resolver';

/** The services the service listings resolvers are built with (src/compose-schema.ts passes its own). */
export interface ListingsResolverServices {
  listings: ServiceListingService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function listingsResolvers(s: ListingsResolverServices): object[] {
  return [
    new ServiceQueryResolver(s.listings),
    new ServiceFieldsResolver(s.listings),
    new ServicePhoneFieldsResolver(),
    new ServiceConnectionFieldsResolver(),
    new PartnerServicesFieldsResolver(s.listings),
  ];
}
