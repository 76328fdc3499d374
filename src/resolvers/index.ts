import { CatalogConnectionFieldsResolver } from './catalog-connection-fields.resolver';
import { CatalogQueryResolver } from './catalog-query.resolver';
import { CatalogRecordFieldsResolver } from './catalog-record-fields.resolver';
import { EventCatalogFieldsResolver } from './event-catalog-fields.resolver';
import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
import { HoldingFieldsResolver } from './holding-fields.resolver';
import { EventFieldsResolver } from './event-fields.resolver';
import { LocationFieldsResolver } from './location-fields.resolver';
import { PartnerFieldsResolver } from './partner-fields.resolver';
import { QueryResolver } from './query.resolver';

export const RESOLVERS = [
  QueryResolver,
  EventFieldsResolver,
  EventConnectionFieldsResolver,
  PartnerFieldsResolver,
  LocationFieldsResolver,
  CatalogQueryResolver,
  CatalogRecordFieldsResolver,
  CatalogConnectionFieldsResolver,
  HoldingFieldsResolver,
  EventCatalogFieldsResolver,
] as const;
