import type { SchemaSection } from './schema-section';

/** The building blocks every feature uses: global ids, pagination, geographic filters, scalars. */
export const sharedSection: SchemaSection = {
  sdl: {
    name: 'Shared',
    summary: 'Shared: global ids, pagination, geographic filters and scalars.',
    query: ['node'],
    types: ['Node', 'PageInfo', 'NearFilter', 'DateTime', 'Date', 'JSONObject'],
  },
  nodes: {},
};
