import { Field, InputType, Int } from 'type-graphql';
import { NewNativeEventFields } from './native-event.input';

@InputType('CreateEventSeriesInput', {
  description: 'A recurring program the partner runs itself (NATIVE): one Event per occurrence, sharing a seriesId. '
    + 'startsAt and endsAt give the first occurrence; the others keep its local time of day in `timezone`, across DST changes.',
})
export class CreateEventSeriesInput extends NewNativeEventFields {
  @Field(() => String, {
    description: 'An RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=8. It must end: COUNT or UNTIL, at most 200 occurrences.',
  })
  recurrence!: string;

  @Field(() => Int, { nullable: true, description: 'Registration for each occurrence opens this many hours before it starts, 0 to 8,760. Default: open from now.' })
  registrationOpensHoursBefore?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Registration for each occurrence closes this many hours before it starts, 0 to 8,760, fewer than registrationOpensHoursBefore. '
      + 'Default: open until the occurrence ends.',
  })
  registrationClosesHoursBefore?: number | null;
}
