import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const partnersSection: SchemaSection = {
  sdl: {
    name: 'Partners',
    summary: 'Partners: the organizations whose data the graph carries, and their places.',
    query: ['partners', 'partner'],
    mutation: ['addPartner'],
    types: ['Partner', 'PartnerKind', 'Location', 'AddPartnerInput'],
  },
  nodes: { Partner: 'partnerById', Location: 'locationById' },
};
