import { Context } from '../context';
import { fromGlobalId } from '../domain/global-id';
import { NodeLoader } from './schema-section';

/**
 * `node(id)` and federation entity references, through the per-request loaders. Which loader fetches
 * each Node type comes from the features' schema sections (src/compose.ts assembles them); every
 * Node type is also a federation entity (see src/schema/build-subgraph-schema.ts).
 */
export class NodeService {
  constructor(private readonly loaders: Readonly<Record<string, NodeLoader>>) {}

  /** The Node types, which are also the federation entities. */
  types(): string[] {
    return Object.keys(this.loaders);
  }

  /** A well-formed id of an unknown type is an error; a well-formed id of a missing row is null. */
  async resolve(ctx: Context, globalId: string): Promise<object | null> {
    const { type, localId } = fromGlobalId(globalId);
    const loader = this.loaders[type];
    if (!loader) return null;
    return ctx.loaders[loader].load(localId);
  }

  /**
   * A federation entity reference `{ __typename, id }`: the id must be a global id of that very type,
   * else the router gets null for it (as for a missing row), never another type's object.
   */
  async resolveReference(ctx: Context, typename: string, globalId: string): Promise<object | null> {
    const { type, localId } = fromGlobalId(globalId, 'representations.id');
    const loader = this.loaders[typename];
    if (type !== typename || !loader) return null;
    return ctx.loaders[loader].load(localId);
  }
}
