import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import { toGlobalId } from '../../domain/global-id';
import { Event } from '../events/event.type';
import { PrivateField } from '../../schema/private-field';
import { Registration } from './registration.type';
import { EventService } from '../events/event.service';
import { RegistrationService } from './registration.service';
import { eventOfRegistration } from './registration-event';
import { PartyCount } from './party-count.type';
import type { PartyCountEntry } from './party-makeup';

@Resolver(() => Registration)
export class RegistrationFieldsResolver {
  constructor(private readonly registrationService: RegistrationService, private readonly eventService: EventService) {}

  @FieldResolver(() => ID, { description: 'Global id of the registration, handed out with its ticket.' })
  id(@Root() registration: RegistrationEntity): string {
    return toGlobalId('Registration', registration.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'While WAITLISTED: 1 = next to be confirmed.' })
  waitlistPosition(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<number | null> {
    return this.registrationService.waitlistRank(ctx, registration);
  }

  @FieldResolver(() => Event, { description: 'The event registered for.' })
  event(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<EventEntity> {
    return eventOfRegistration(this.eventService, ctx, registration);
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'Staff of the event\'s partner only; FORBIDDEN for anyone else.' })
  name(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<string> {
    return this.registrationService.personalData(ctx, registration, 'name');
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'Staff of the event\'s partner only; FORBIDDEN for anyone else.' })
  email(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<string> {
    return this.registrationService.personalData(ctx, registration, 'email');
  }

  @PrivateField()
  @FieldResolver(() => [PartyCount], {
    nullable: true,
    description: 'Who comes, by the event\'s party categories (RegisterInput.party); empty when the registrant gave only a partySize. '
      + 'Staff of the event\'s partner only; FORBIDDEN for anyone else.',
  })
  party(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<PartyCountEntry[]> {
    return this.registrationService.personalData(ctx, registration, 'party');
  }

  // Private as the makeup is: it says who of a household came. The door page shows "2 of 3 checked in" from it.
  @PrivateField()
  @FieldResolver(() => [PartyCount], {
    nullable: true,
    description: 'Who of the party was checked in, by category (checkIn\'s party): empty when nobody was; checked in whole, its makeup '
      + '(uncategorised: partySize when it gave none). Staff of the event\'s partner only; FORBIDDEN for anyone else.',
  })
  attendedParty(@Ctx() ctx: Context, @Root() registration: RegistrationEntity): Promise<PartyCountEntry[]> {
    return this.registrationService.personalData(ctx, registration, 'attendedParty');
  }
}
