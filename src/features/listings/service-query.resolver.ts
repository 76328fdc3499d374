import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { ServiceEntity } from '../../model/service.entity';
import { Connection } from '../../schema/connection';
import { ServiceConnection } from './service-connection.type';
import { Service } from './service.type';
import { ServicesArgs } from './services.args';
import { ServiceListingService } from './service-listing.service';
import { ROOT_LIST_FIELD_NOTE } from '../../schema/root-list-field';

/** Root fields for nonprofit listings (kept beside QueryResolver so the two features merge cleanly). */
@Resolver()
export class ServiceQueryResolver {
  constructor(private readonly listingService: ServiceListingService) {}

  @Query(() => ServiceConnection, { nullable: true, description: 'Nonprofit listings of every partner, ordered by name.' + ROOT_LIST_FIELD_NOTE })
  services(@Ctx() ctx: Context, @Args(() => ServicesArgs) args: ServicesArgs): Promise<Connection<ServiceEntity>> {
    return this.listingService.list(ctx, args.filter, args);
  }

  @Query(() => Service, { nullable: true, description: 'One nonprofit listing by its global id; null when there is none.' })
  service(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of the listing.' }) id: string): Promise<ServiceEntity | null> {
    return this.listingService.byId(ctx, id);
  }
}
