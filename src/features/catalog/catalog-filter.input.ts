import { Field, ID, InputType } from 'type-graphql';
import { CatalogFilterInput } from './catalog-filter';
import { CatalogFormat } from '../../schema/enums';

@InputType('CatalogFilter', { description: 'Narrows catalog records. Every criterion given must hold; a list matches any of its values; an omitted, null or empty criterion does not narrow.' })
export class CatalogFilter implements CatalogFilterInput {
  @Field(() => [CatalogFormat], { nullable: true, description: 'Any of these formats.' })
  formats?: CatalogFormat[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these MARC language codes (eng, spa, ...).' })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Records of these libraries (LIBRARY partner ids).' })
  libraryIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only records with a copy on the shelf, as of the last catalog sync.' })
  availableNow?: boolean | null;
}
