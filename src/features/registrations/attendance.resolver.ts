import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { AttendanceService, EventAttendanceFigures } from './attendance.service';
import { EventAttendance } from './attendance.type';
import { PartyCountInput } from './party-count.type';

@Resolver()
export class AttendanceResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @Mutation(() => EventAttendance, {
    description: 'Staff at the door: add people who came without registering, by category (no personal data). They take no seats: '
      + 'they are already in the room. Adds to what was added before; answers the occurrence\'s attendance. '
      + 'The event\'s partner\'s PARTNER key or an ADMIN key.',
  })
  addWalkIns(
    @Ctx() ctx: Context,
    @Arg('eventId', () => ID, { description: 'Global id of the event.' }) eventId: string,
    @Arg('party', () => [PartyCountInput], { description: 'Who came, by the event\'s categories: 0 to 100 each, at least one person in all.' }) party: PartyCountInput[],
  ): Promise<EventAttendanceFigures> {
    return this.attendance.addWalkIns(ctx, eventId, party);
  }

  @Mutation(() => EventAttendance, {
    description: 'Staff: set (replace) an occurrence\'s head count by category, for drop-in programs without registration (any '
      + 'event of the partner, synced ones included). An empty list or zeros clear it. Answers the occurrence\'s attendance. '
      + 'The event\'s partner\'s PARTNER key or an ADMIN key.',
  })
  setHeadCount(
    @Ctx() ctx: Context,
    @Arg('eventId', () => ID, { description: 'Global id of the event.' }) eventId: string,
    @Arg('party', () => [PartyCountInput], { description: 'People counted, by the event\'s categories: 0 to 100000 each.' }) party: PartyCountInput[],
  ): Promise<EventAttendanceFigures> {
    return this.attendance.setHeadCount(ctx, eventId, party);
  }
}
