import { EmbedSettingsResolver } from './embed-settings.resolver';
import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
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
  EmbedSettingsResolver,
] as const;
