import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const listingsSection: SchemaSection = {
  sdl: {
    name: 'Listings',
    summary: 'Listings: nonprofits\' services (Open Referral HSDS), with opening hours and contacts.',
    query: ['services', 'service'],
    types: [
      'Service', 'ServiceConnection', 'ServiceEdge', 'ServiceFilter', 'ServiceStatus', 'OpeningHours', 'ServicePhone',
      'ServiceContact', 'ServiceCostOption', 'Language',
    ],
  },
  nodes: { Service: 'serviceById' },
};
