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

  @Field(() => [CategoryCount], {
    description: 'The three together by category, by key; people checked in whole from a party without a makeup count as uncategorised.',
  })
  byCategory!: CategoryCount[];

  @Field(() => Int, { description: 'registered + walkIns + headCount.' })
  total!: number;
}
