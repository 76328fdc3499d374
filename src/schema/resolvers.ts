import { EmbedSettingsResolver } from '../features/partners/embed-settings.resolver';
import { CatalogConnectionFieldsResolver } from '../features/catalog/catalog-connection-fields.resolver';
import { CatalogQueryResolver } from '../features/catalog/catalog-query.resolver';
import { CatalogRecordFieldsResolver } from '../features/catalog/catalog-record-fields.resolver';
import { EventCatalogFieldsResolver } from '../features/catalog/event-catalog-fields.resolver';
import { EventConnectionFieldsResolver } from '../features/events/event-connection-fields.resolver';
import { HoldingFieldsResolver } from '../features/catalog/holding-fields.resolver';
import { EventFieldsResolver } from '../features/events/event-fields.resolver';
import { LocationFieldsResolver } from '../model/location-fields.resolver';
import { PartnerEventsFieldsResolver } from '../features/events/partner-events-fields.resolver';
import { PartnerFieldsResolver } from '../features/partners/partner-fields.resolver';
import { QueryResolver } from './query.resolver';
import { PartnerServicesFieldsResolver } from '../features/listings/partner-services-fields.resolver';
import { ServiceConnectionFieldsResolver } from '../features/listings/service-connection-fields.resolver';
import { ServiceFieldsResolver } from '../features/listings/service-fields.resolver';
import { ServiceQueryResolver } from '../features/listings/service-query.resolver';
import { EventRegistrationsResolver } from '../features/registrations/event-registrations.resolver';
import { RegistrationFieldsResolver } from '../features/registrations/registration-fields.resolver';
import { RegistrationResolver } from '../features/registrations/registration.resolver';
import { NativeEventResolver } from '../features/events/native-event.resolver';
import { SubscriptionResolver } from '../features/registrations/subscription.resolver';
import { EventChangeFieldsResolver } from '../features/registrations/event-change-fields.resolver';
import { RegistrationCountsFieldsResolver } from '../features/registrations/registration-counts-fields.resolver';
import { EventProvenanceFieldsResolver } from '../features/events/event-provenance-fields.resolver';
import { CatalogRecordProvenanceFieldsResolver } from '../features/catalog/catalog-record-provenance-fields.resolver';
import { SourceAdminResolver } from '../features/sources/source-admin.resolver';
import { PartnerSourcesFieldsResolver, SourceFieldsResolver } from '../features/sources/source-fields.resolver';

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
