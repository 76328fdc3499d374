import { Context } from '../context';
import { fromGlobalId } from '../domain/global-id';
import { Loaders } from '../loaders/create-loaders';

type NodeLoader = keyof Pick<Loaders, 'eventById' | 'partnerById' | 'locationById' | 'serviceById' | 'sourceById' | 'catalogRecordById'>;

/**
 * Which loader fetches each Node type; new node types register here. Every type listed is also a
 * federation entity (`@key(fields: "id")`, resolved by `_entities` through the same loader): see
 * src/schema/build-subgraph-schema.ts.
 */
export const LOADER_BY_TYPE: Readonly<Record<string, NodeLoader>> = {
  Event: 'eventById',
  Partner: 'partnerById',
  Location: 'locationById',
  Service: 'serviceById',
  Source: 'sourceById',
  CatalogRecord: 'catalogRecordById',
};

export class NodeService {
  /** A well-formed id of an unknown type is an error; a well-formed id of a missing row is null. */
  async resolve(ctx: Context, globalId: string): Promise<object | null> {
    const { type, localId } = fromGlobalId(globalId);
    const loader = LOADER_BY_TYPE[type];
    if (!loader) return null;
    return ctx.loaders[loader].load(localId);
  }

  /**
   * A federation entity reference `{ __typename, id }`: the id must be a global id of that very type,
   * else the router gets null for it (as for a missing row), never another type's object.
   */
  async resolveReference(ctx: Context, typename: string, globalId: string): Promise<object | null> {
    const { type, localId } = fromGlobalId(globalId, 'representations.id');
    const loader = LOADER_BY_TYPE[typename];
    if (type !== typename || !loader) return null;
    return ctx.loaders[loader].load(localId);
  }
}
