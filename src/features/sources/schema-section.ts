import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const sourcesSection: SchemaSection = {
  sdl: {
    name: 'Sources',
    summary: 'Sources: the partners\' feeds, how their syncs go, and what one sync did.',
    mutation: ['addSource', 'removeSource', 'syncSource'],
    types: ['Source', 'SourceFormat', 'SourceStatus', 'AddSourceInput', 'SyncReport', 'SyncStatus', 'SkippedItem', 'SyncSkips', 'SyncSkip'],
  },
  nodes: { Source: 'sourceById' },
};
