import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { LocationEntity } from './location.entity';
import { toGlobalId } from '../domain/global-id';
import { Location } from './location.type';

@Resolver(() => Location)
export class LocationFieldsResolver {
  @FieldResolver(() => ID, { description: 'Global id of the location (see Node).' })
  id(@Root() location: LocationEntity): string {
    return toGlobalId('Location', location.id);
  }
}
