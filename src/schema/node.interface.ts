import { Field, ID, InterfaceType } from 'type-graphql';
import { CatalogRecordEntity } from '../model/catalog-record.entity';
import { EventEntity } from '../model/event.entity';
import { LocationEntity } from '../model/location.entity';
import { PartnerEntity } from '../model/partner.entity';
import { ServiceEntity } from '../model/service.entity';
import { SourceEntity } from '../model/source.entity';

/** Relay's Node: any object with a global id can be refetched through `Query.node(id)`. */
@InterfaceType('Node', {
  description: 'An object with an opaque global id, refetchable through Query.node.',
  resolveType: (value: unknown) => {
    if (value instanceof EventEntity) return 'Event';
    if (value instanceof PartnerEntity) return 'Partner';
    if (value instanceof LocationEntity) return 'Location';
    if (value instanceof ServiceEntity) return 'Service';
    if (value instanceof SourceEntity) return 'Source';
    if (value instanceof CatalogRecordEntity) return 'CatalogRecord';
    return undefined;
  },
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all types. Query.node(id:) refetches the object; never parse it.' })
  id!: string;
}
