import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const catalogSection: SchemaSection = {
  sdl: {
    name: 'Catalog',
    summary: 'Catalog: the libraries\' bibliographic records, their copies and live availability.',
    query: ['catalog', 'catalogRecords', 'record'],
    types: [
      'CatalogRecord', 'CatalogRecordConnection', 'CatalogRecordEdge', 'CatalogFilter', 'CatalogFormat', 'Isbn',
      'CatalogLink', 'Holding', 'HoldingStatus', 'Availability', 'CatalogRecordProvenance',
    ],
  },
  nodes: { CatalogRecord: 'catalogRecordById' },
};
