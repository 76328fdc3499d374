import { EmbedSettingsResolver } from './embed-settings.resolver';
import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
import { EventFieldsResolver } from './event-fields.resolver';
import { LocationFieldsResolver } from './location-fields.resolver';
import { PartnerFieldsResolver } from './partner-fields.resolver';
import { QueryResolver } from './query.resolver';
import { PartnerServicesFieldsResolver } from './partner-services-fields.resolver';
import { ServiceConnectionFieldsResolver } from './service-connection-fields.resolver';
import { ServiceFieldsResolver } from './service-fields.resolver';
import { ServiceQueryResolver } from './service-query.resolver';

export const RESOLVERS = [
  QueryResolver,
  EventFieldsResolver,
  EventConnectionFieldsResolver,
  PartnerFieldsResolver,
  LocationFieldsResolver,
  EmbedSettingsResolver,
  ServiceQueryResolver,
  ServiceFieldsResolver,
  ServiceConnectionFieldsResolver,
  PartnerServicesFieldsResolver,
] as const;
