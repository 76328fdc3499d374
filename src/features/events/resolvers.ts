import type { PartnerService } from '../partners/partner.service';
import type { SourceService } from '../sources/source.service';
import { EventConnectionFieldsResolver } from './event-connection-fields.resolver';
import { EventFieldsResolver } from './event-fields.resolver';
import { EventProvenanceFieldsResolver } from './event-provenance-fields.resolver';
import { EventSeriesResolver } from './event-series.resolver';
import type { EventSeriesService } from './event-series.service';
import type { EventService } from './event.service';
import { NativeEventResolver } from './native-event.resolver';
import type { NativeEventService } from './native-event.service';
import { PartnerEventsFieldsResolver } from './partner-events-fields.resolver';

/** The services the events resolvers are built with (src/compose-schema.ts passes its own). */
export interface EventsResolverServices {
  partners: PartnerService;
  events: EventService;
  nativeEvents: NativeEventService;
  eventSeries: EventSeriesService;
  sources: SourceService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function eventsResolvers(s: EventsResolverServices): object[] {
  return [
    new EventFieldsResolver(s.partners),
    new EventConnectionFieldsResolver(),
    new PartnerEventsFieldsResolver(s.events),
    new NativeEventResolver(s.nativeEvents),
    new EventSeriesResolver(s.eventSeries),
    new EventProvenanceFieldsResolver(s.sources),
  ];
}
