import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const embedsSection: SchemaSection = {
  sdl: {
    name: 'Embeds',
    summary: 'Embeds: which web origins may frame a partner\'s pages and read its feeds (Partner.allowedOrigins).',
    mutation: ['setPartnerAllowedOrigins'],
    types: [],
  },
  nodes: {},
};
