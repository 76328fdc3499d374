import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const eventsSection: SchemaSection = {
  sdl: {
    name: 'Events',
    summary: 'Events: every partner\'s programs, one occurrence per Event, searchable and live.',
    query: ['events', 'event'],
    mutation: ['createEvent', 'updateEvent', 'cancelEvent', 'createEventSeries', 'updateEventSeries'],
    subscription: ['eventChanges'],
    types: [
      'Event', 'EventConnection', 'EventEdge', 'EventFilter', 'EventStatus', 'AttendanceMode', 'Audience', 'Offer',
      'EventProvenance', 'CreateEventInput', 'UpdateEventInput', 'EventChange', 'EventChangeType', 'EventSeries', 'CreateEventSeriesInput',
    ],
  },
  nodes: { Event: 'eventById' },
};
