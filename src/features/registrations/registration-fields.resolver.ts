import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import { toGlobalId } from '../../domain/global-id';
import { Event } from '../events/event.type';
import { PrivateField } from '../../schema/private-field';
import { Registration } from './registration.type';

@Resolver(() => Registration)
export class RegistrationFieldsResolver {
  @FieldResolver(() => ID, { description: 'Global id of the registration, handed out with its ticket.' })
  id(@Root() registration: RegistrationEntity): string {
    return toGlobalId('Registration', registration.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'While WAITLISTED: 1 = next to be confirmed.' })
  waitlistPosition(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<number | null> {
    return ctx.services.registrations.waitlistRank(ctx, registration);
  }

  @FieldResolver(() => Event, { description: 'The event registered for.' })
  async event(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<EventEntity> {
    const event = await ctx.services.events.byLocalId(ctx, registration.eventId);
    if (!event) throw new Error(`Registration ${registration.id} references missing event ${registration.eventId}`);
    return event;
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'Staff of the event\'s partner only; FORBIDDEN for anyone else.' })
  name(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<string> {
    return ctx.services.registrations.personalData(ctx, registration, 'name');
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'Staff of the event\'s partner only; FORBIDDEN for anyone else.' })
  email(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<string> {
    return ctx.services.registrations.personalData(ctx, registration, 'email');
  }
}
