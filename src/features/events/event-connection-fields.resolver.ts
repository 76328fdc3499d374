import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EventEntity } from '../../model/event.entity';
import { Connection } from '../../schema/connection';
import { EventConnection } from './event-connection.type';

@Resolver(() => EventConnection)
export class EventConnectionFieldsResolver {
  @FieldResolver(() => Int, { description: 'Events matching the filter, across all pages (one extra query).' })
  totalCount(@Root() connection: Connection<EventEntity>): Promise<number> {
    return connection.countTotal();
  }
}
