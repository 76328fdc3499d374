import { SourceAdapter } from './adapter';
import { graphqlAdapter } from './graphql/graphql.source';
import { hsdsSource } from './hsds/hsds.source';
import { icalendarAdapter } from './icalendar/icalendar.source';
import { jsonLdSource } from './jsonld/jsonld.source';
import { libcalSource } from './libcal/libcal.source';
import { createMarcSourceAdapter } from './marc/marc.source';

export interface AdapterOptions {
  /**
   * Where `file:` sources may be read (SOURCE_FILE_ROOTS; the same rule the partner client's URL policy
   * applies). Only MARC reads files itself (streamed from disk).
   */
  fileRoots: string[];
}

/** Every partner format the sync engine knows; a new format appends its adapter here. */
export function createAdapters(options: AdapterOptions): SourceAdapter[] {
  return [
    icalendarAdapter,
    jsonLdSource,
    hsdsSource,
    libcalSource,
    createMarcSourceAdapter({ fileRoots: options.fileRoots }),
    graphqlAdapter,
  ];
}
