import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import { RegistrationStatus } from '../../schema/enums';
import { Event } from '../events/event.type';
import { PrivateField } from '../../schema/private-field';
import { Registration } from './registration.type';
import { RegistrationService } from './registration.service';

/** Staff-only Event fields; the access rule lives in the service. */
@Resolver(() => Event)
export class EventRegistrationsResolver {
  constructor(private readonly registrationService: RegistrationService) {}

  @PrivateField()
  @FieldResolver(() => [Registration], { nullable: true, description: 'Staff of the event\'s partner (or an admin) only: who registered (null with FORBIDDEN for anyone else).' })
  registrations(
    @Ctx() ctx: Context,
    @Root() event: EventEntity,
    @Arg('status', () => [RegistrationStatus], { nullable: true, description: 'Only registrations in any of these statuses; omitted or empty: all of them.' }) status?: RegistrationStatus[] | null,
  ): Promise<RegistrationEntity[]> {
    return this.registrationService.listForEvent(ctx, event, status);
  }
}
