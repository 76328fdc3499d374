import { EmbedSettingsResolver } from './embed-settings.resolver';
import { CatalogConnectionFieldsResolver } from './catalog-connection-fields.resolver';
import { CatalogQueryResolver } from './catalog-query.resolver';
import { CatalogRecordFieldsResolver } from './catalog-record-fields.resolver';
import { EventCatalogFieldsResolver } from './event-catalog-fields.resolver';
import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
import { HoldingFieldsResolver } from './holding-fields.resolver';
import { EventFieldsResolver } from './event-fields.resolver';
import { LocationFieldsResolver } from './location-fields.resolver';
import { PartnerEventsFieldsResolver } from './partner-events-fields.resolver';
import { PartnerFieldsResolver } from './partner-fields.resolver';
import { QueryResolver } from './query.resolver';
import { PartnerServicesFieldsResolver } from './partner-services-fields.resolver';
import { ServiceConnectionFieldsResolver } from './service-connection-fields.resolver';
import { ServiceFieldsResolver } from './service-fields.resolver';
import { ServiceQueryResolver } from './service-query.resolver';
import { EventRegistrationsResolver } from './event-registrations.resolver';
import { RegistrationFieldsResolver } from './registration-fields.resolver';
import { RegistrationResolver } from './registration.resolver';
import { NativeEventResolver } from './native-event.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { EventChangeFieldsResolver } from './event-change-fields.resolver';
import { RegistrationCountsFieldsResolver } from './registration-counts-fields.resolver';
import { EventProvenanceFieldsResolver } from './event-provenance-fields.resolver';
import { CatalogRecordProvenanceFieldsResolver } from './catalog-record-provenance-fields.resolver';
import { SourceAdminResolver } from './source-admin.resolver';
import { PartnerSourcesFieldsResolver, SourceFieldsResolver } from './source-fields.resolver';

export const RESOLVERS = [
  QueryResolver,
  EventFieldsResolver,
  EventConnectionFieldsResolver,
  PartnerFieldsResolver,
  PartnerEventsFieldsResolver,
  LocationFieldsResolver,
  EmbedSettingsResolver,
  ServiceQueryResolver,
  ServiceFieldsResolver,
  ServiceConnectionFieldsResolver,
  PartnerServicesFieldsResolver,
  RegistrationResolver,
  RegistrationFieldsResolver,
  EventRegistrationsResolver,
  NativeEventResolver,
  SubscriptionResolver,
  RegistrationCountsFieldsResolver,
  EventChangeFieldsResolver,
  SourceAdminResolver,
  SourceFieldsResolver,
  PartnerSourcesFieldsResolver,
  EventProvenanceFieldsResolver,
  CatalogQueryResolver,
  CatalogRecordFieldsResolver,
  CatalogRecordProvenanceFieldsResolver,
  CatalogConnectionFieldsResolver,
  HoldingFieldsResolver,
  EventCatalogFieldsResolver,
] as const;
