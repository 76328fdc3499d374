import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { RegistrationEntity } from '../../model/registration.entity';
import { PrivacyRequests } from './privacy-requests';
import { Registration } from './registration.type';

/** Privacy requests by email (docs/registration.md, "Registrant data that expires"); the service decides who may. */
@Resolver()
export class PrivacyRequestResolver {
  constructor(private readonly privacy: PrivacyRequests) {}

  @Query(() => [Registration], {
    description: 'Staff, for a privacy request: every registration held under this email, oldest first, with the event, name and email. '
      + 'An ADMIN key sees every partner\'s; a PARTNER key its own events\' only. Erased registrations no longer hold the address.',
  })
  registrantData(
    @Ctx() ctx: Context,
    @Arg('email', () => String, { description: 'The person\'s email address (compared case-insensitively).' }) email: string,
  ): Promise<RegistrationEntity[]> {
    return this.privacy.registrantData(ctx, email);
  }

  @Mutation(() => Int, {
    description: 'Staff, for a privacy request: erase the name and email of every registration held under this email, and the address of '
      + 'the mail sent for them; answers how many were erased. Counts, statuses and check-ins stay; nothing is cancelled. '
      + 'An ADMIN key erases across every partner; a PARTNER key its own events\' registrations only.',
  })
  eraseRegistrant(
    @Ctx() ctx: Context,
    @Arg('email', () => String, { description: 'The person\'s email address (compared case-insensitively).' }) email: string,
  ): Promise<number> {
    return this.privacy.eraseRegistrant(ctx, email);
  }
}
