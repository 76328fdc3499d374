import { Field, Int, ObjectType } from 'type-graphql';
import { HoldingStatus } from '../../schema/enums';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Holding', { ...PLAIN_FIELDS, description: 'One copy of a catalog record at a library.' })
export class Holding {
  @Field(() => String, { nullable: true, description: 'The library\'s branch code for the copy\'s home.' })
  branchCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Shelf location label (call number), e.g. "J FIC BRO"; null when not recorded.' })
  callNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The owning library\'s name in another town\'s Community Graph, for copies federated from it (library is then the partner for that town); null otherwise.',
  })
  libraryName!: string | null;

  @Field(() => String, { nullable: true, description: 'The branch\'s name there, for federated copies; null otherwise.' })
  branchName!: string | null;

  @Field(() => String, { nullable: true, description: 'The library\'s own item type code (e.g. BK, DVD); null when not recorded.' })
  itemType!: string | null;

  @Field(() => HoldingStatus, { description: 'Circulation status, normalized; live from the ILS when `live` is true.' })
  status!: HoldingStatus;

  @Field(() => String, { nullable: true, description: 'The status exactly as the ILS or the MARC export gave it.' })
  rawStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'When a checked-out copy is due back (as the ILS gives it).' })
  dueDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Holds queued on this copy, when the ILS reports them.' })
  holds!: number | null;

  @Field(() => Boolean, { description: 'On the shelf: can be taken home today.' })
  availableNow!: boolean;

  @Field(() => Boolean, { description: 'A hold or request can be placed (checked out, in transit, on order...).' })
  requestable!: boolean;

  @Field(() => Boolean, { description: 'The status came from the library\'s ILS during this request.' })
  live!: boolean;

  @Field(() => Boolean, { description: 'The ILS did not answer: this is the status from the last catalog sync.' })
  stale!: boolean;
}

@ObjectType('Availability', { ...PLAIN_FIELDS, description: 'A summary of a record\'s copies at its library.' })
export class Availability {
  @Field(() => Boolean, { description: 'At least one copy is on the shelf.' })
  availableNow!: boolean;

  @Field(() => Int, { description: 'Copies on the shelf.' })
  availableCount!: number;

  @Field(() => Int, { description: 'All copies.' })
  total!: number;

  @Field(() => Int, { description: 'Holds queued, where the ILS reports them (0 otherwise).' })
  holds!: number;

  @Field(() => Boolean, { description: 'At least one copy can be requested or put on hold.' })
  requestable!: boolean;

  @Field(() => Boolean, { description: 'The ILS did not answer; figures are from the last catalog sync.' })
  stale!: boolean;
}
