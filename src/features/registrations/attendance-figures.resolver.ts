import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { CategoryCount } from '../events/party-category.type';
import { AttendanceService, EventAttendanceFigures } from './attendance.service';
import { EventAttendance } from './attendance.type';
import type { PartyCountEntry } from '../../domain/party';

/**
 * EventAttendance.byCategory on its own, as it is the one figure that reads every checked-in party:
 * the door page's check-in answer asks for the total only, and stays one row read (bench door budget).
 */
@Resolver(() => EventAttendance)
export class AttendanceFiguresResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @FieldResolver(() => [CategoryCount], {
    description: 'The three together by category, by key; people checked in whole from a party without a makeup count as uncategorised.',
  })
  byCategory(@Ctx() ctx: Context, @Root() figures: EventAttendanceFigures): Promise<PartyCountEntry[]> {
    return this.attendance.byCategory(ctx, figures);
  }
}
