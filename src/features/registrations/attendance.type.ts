import { Field, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { CategoryCount } from '../events/party-category.type';

@ObjectType('EventAttendance', {
  ...PLAIN_FIELDS,
  description: 'Who came to an occurrence, in people: registered parties checked in, walk-ins added at the door and a drop-in head count.',
})
export class EventAttendance {
  @Field(() => Int, { description: 'People of registered parties checked in (Event.registration.attended).' })
  registered!: number;

  @Field(() => Int, { description: 'People who came without registering, added at the door (addWalkIns).' })
  walkIns!: number;

  @Field(() => Int, { description: 'The head count staff set for the occurrence (setHeadCount); 0 when none was taken.' })
  headCount!: number;

  // byCategory: a field resolver (attendance-figures.resolver.ts), read only when asked.

  @Field(() => [CategoryCount], {
    description: 'The head count alone by category, by key, as setHeadCount last set it (what a form to correct it starts from).',
  })
  headCountByCategory!: CategoryCount[];

  @Field(() => Int, { description: 'registered + walkIns + headCount.' })
  total!: number;
}
