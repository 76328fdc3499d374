import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { RegistrationStatus } from '../../domain/enums';
import { toGlobalId } from '../../domain/global-id';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import { DateTime } from '../../schema/scalars';
import { Event } from '../events/event.type';
import { EventService } from '../events/event.service';
import { MyRegistration } from './my-registration.type';
import { RegistrationService } from './registration.service';
import { eventOfRegistration } from './registration-event';
import { PartyCount } from './party-count.type';
import type { PartyCountEntry } from './party-makeup';

@Resolver(() => MyRegistration)
export class MyRegistrationFieldsResolver {
  constructor(private readonly registrationService: RegistrationService, private readonly eventService: EventService) {}

  @FieldResolver(() => ID, { description: 'Global id of the registration: cancelRegistration takes it with the code.' })
  id(@Root() registration: RegistrationEntity): string {
    return toGlobalId('Registration', registration.id);
  }

  @FieldResolver(() => Event, { description: 'The event registered for.' })
  event(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<EventEntity> {
    return eventOfRegistration(this.eventService, ctx, registration);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'While WAITLISTED: the place in line, 1 = confirmed next (in the order the waitlist is promoted); null otherwise.',
  })
  waitlistPosition(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<number | null> {
    return this.registrationService.waitlistRank(ctx, registration);
  }

  @FieldResolver(() => DateTime, { description: 'When the party registered (UTC).' })
  registeredAt(@Root() registration: RegistrationEntity): Date {
    return registration.createdAt;
  }

  @FieldResolver(() => Boolean, { description: 'Whether cancelRegistration would free a seat or waitlist place: false once CANCELLED.' })
  canCancel(@Root() registration: RegistrationEntity): boolean {
    return registration.status !== RegistrationStatus.CANCELLED;
  }

  @FieldResolver(() => [PartyCount], {
    description: 'Who comes, by the event\'s party categories, as registered; empty when only a partySize was given. '
      + 'The holder\'s own party: counts, never names.',
  })
  party(@Root() registration: RegistrationEntity): PartyCountEntry[] {
    return registration.party ?? [];
  }
}
