import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
import { EventFieldsResolver } from './event-fields.resolver';
import { LocationFieldsResolver } from './location-fields.resolver';
import { PartnerFieldsResolver } from './partner-fields.resolver';
import { QueryResolver } from './query.resolver';
import { EventProvenanceFieldsResolver } from './event-provenance-fields.resolver';
import { SourceAdminResolver } from './source-admin.resolver';
import { PartnerSourcesFieldsResolver, SourceFieldsResolver } from './source-fields.resolver';

export const RESOLVERS = [
  QueryResolver,
  EventFieldsResolver,
  EventConnectionFieldsResolver,
  PartnerFieldsResolver,
  LocationFieldsResolver,
  SourceAdminResolver,
  SourceFieldsResolver,
  PartnerSourcesFieldsResolver,
  EventProvenanceFieldsResolver,
] as const;
