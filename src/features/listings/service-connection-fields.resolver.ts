import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ServiceEntity } from '../../model/service.entity';
import { Connection } from '../../schema/connection';
import { ServiceConnection } from './service-connection.type';

@Resolver(() => ServiceConnection)
export class ServiceConnectionFieldsResolver {
  @FieldResolver(() => Int, { description: 'Services matching the filter, across all pages (one extra query).' })
  totalCount(@Root() connection: Connection<ServiceEntity>): Promise<number> {
    return connection.countTotal();
  }
}
