import { Context } from '../context';
import { fromGlobalId } from '../domain/global-id';
import { Loaders } from '../loaders/create-loaders';

type NodeLoader = keyof Pick<Loaders, 'eventById' | 'partnerById' | 'locationById' | 'serviceById' | 'sourceById' | 'catalogRecordById'>;

/** Which loader fetches each Node type; new node types register here. */
const LOADER_BY_TYPE: Record<string, NodeLoader> = {
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
}
