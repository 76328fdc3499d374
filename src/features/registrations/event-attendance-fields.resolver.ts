import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { Event } from '../events/event.type';
import { PrivateField } from '../../schema/private-field';
import { AttendanceService, EventAttendanceFigures } from './attendance.service';
import { EventAttendance } from './attendance.type';

/** Event.attendance: staff only, as it is read from the checked-in parties; the access rule lives in the service. */
@Resolver(() => Event)
export class EventAttendanceFieldsResolver {
  constructor(private readonly attendanceService: AttendanceService) {}

  @PrivateField()
  @FieldResolver(() => EventAttendance, {
    nullable: true,
    description: 'Staff of the event\'s partner (or an admin) only: who came, in people (null with FORBIDDEN for anyone else).',
  })
  attendance(@Ctx() ctx: Context, @Root() event: EventEntity): EventAttendanceFigures {
    return this.attendanceService.of(ctx, event);
  }
}
