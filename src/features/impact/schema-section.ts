import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL. */
export const impactSection: SchemaSection = {
  sdl: {
    name: 'Impact',
    summary: 'Impact reports: what programs did over a range, for staff and funders. Counts only.',
    query: ['impact'],
    mutation: [],
    subscription: [],
    types: ['ImpactReport', 'ImpactGroup', 'ImpactFigures', 'StatementAgreement', 'ImpactDimension'],
  },
  nodes: {},
};
