import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { RegistrationEntity } from '../../model/registration.entity';
import { CancelResult, RegisterResult } from './registration.service';
import { CancelRegistrationInput, RegisterInput } from './register.input';
import { CancelPayload, RegisterPayload } from './register-payload.type';
import { MyRegistration } from './my-registration.type';
import { Registration } from './registration.type';
import { HoldSeatsInput, HoldSeatsPayload, ReleaseSeatHoldInput } from './seat-hold.type';
import { RegistrationService } from './registration.service';
import { PartyCountInput } from './party-count.type';

@Resolver()
export class RegistrationResolver {
  constructor(private readonly registrationService: RegistrationService) {}

  @Query(() => MyRegistration, {
    nullable: true,
    description: 'The registration a cancel code (RegistrationTicket.cancelToken) was handed out with: no API key needed, the code is '
      + 'the proof. Null for a code no registration holds; a code that cannot be one is BAD_USER_INPUT. Rate limited like register.',
  })
  myRegistration(
    @Ctx() ctx: Context,
    @Arg('code', () => String, { description: 'The cancelToken handed out with the RegistrationTicket (32 characters).' }) code: string,
  ): Promise<RegistrationEntity | null> {
    return this.registrationService.byCancelToken(ctx, code);
  }

  @Mutation(() => RegisterPayload, { description: 'Register a party for a NATIVE event: a ticket, or a typed rejection. No API key needed.' })
  async register(@Ctx() ctx: Context, @Arg('input', () => RegisterInput, { description: 'Who registers, for which event, how many people.' }) input: RegisterInput): Promise<object> {
    const result: RegisterResult = await this.registrationService.register(ctx, input);
    return result.kind === 'ticket'
      ? { registration: result.registration, cancelToken: result.cancelToken }
      : { code: result.code, message: result.message };
  }

  @Mutation(() => HoldSeatsPayload, {
    description: 'Hold seats at a NATIVE event while the party fills in the form (10 minutes plus a minute per person): a SeatHold, or a '
      + 'typed refusal. Held seats count apart from confirmed ones and are not remaining; they free themselves when the hold ends. '
      + 'No API key needed; rate limited like register.',
  })
  async holdSeats(
    @Ctx() ctx: Context,
    @Arg('input', () => HoldSeatsInput, { description: 'Which event, how many people.' }) input: HoldSeatsInput,
  ): Promise<object> {
    const result = await this.registrationService.holdSeats(ctx, input);
    if (result.kind === 'rejected') return { code: result.code, message: result.message };
    return { holdId: result.hold.id, eventId: result.eventId, partySize: result.hold.n, expiresAt: new Date(result.hold.until) };
  }

  @Mutation(() => Boolean, { description: 'End a seat hold early (the form was closed): true when it was still in force. No API key needed.' })
  releaseSeatHold(
    @Ctx() ctx: Context,
    @Arg('input', () => ReleaseSeatHoldInput, { description: 'The event and the holdId.' }) input: ReleaseSeatHoldInput,
  ): Promise<boolean> {
    return this.registrationService.releaseSeatHold(ctx, input);
  }

  @Mutation(() => CancelPayload, {
    description: 'Cancel with the ticket\'s token; frees the seats and promotes the waitlist in order. No API key needed '
      + '(the token is the proof); cancelling twice changes nothing.',
  })
  cancelRegistration(
    @Ctx() ctx: Context,
    @Arg('input', () => CancelRegistrationInput, { description: 'The registration and its cancel token.' }) input: CancelRegistrationInput,
  ): Promise<CancelResult> {
    return this.registrationService.cancel(ctx, input);
  }

  @Mutation(() => Registration, {
    description: 'INVITE waitlists: take the seat an invitation offers (MyRegistration.invitedUntil), with the ticket\'s token, before the '
      + 'invitation ends: the registration becomes CONFIRMED. No open invitation (not invited yet, lapsed, cancelled) is CONFLICT; '
      + 'claiming twice changes nothing. No API key needed.',
  })
  claimInvitation(
    @Ctx() ctx: Context,
    @Arg('input', () => CancelRegistrationInput, { description: 'The registration and its cancel token.' }) input: CancelRegistrationInput,
  ): Promise<RegistrationEntity> {
    return this.registrationService.claimInvitation(ctx, input);
  }

  @Mutation(() => Registration, {
    description: 'Staff: mark a CONFIRMED registration as attended, or undo it (another status: CONFLICT). With party, only those '
      + 'people came (within the registered makeup, or within partySize when the party gave none); without it, the whole party. '
      + 'Event.registration.attended counts the people who came. The event\'s partner\'s PARTNER key or an ADMIN key.',
  })
  checkIn(
    @Ctx() ctx: Context,
    @Arg('registrationId', () => ID, { description: 'Global id of a CONFIRMED registration.' }) registrationId: string,
    @Arg('attended', () => Boolean, { defaultValue: true, description: 'True marks the party as come; false undoes a check-in.' }) attended: boolean,
    @Arg('party', () => [PartyCountInput], {
      nullable: true,
      description: 'Who of the party came, by the event\'s categories: at most as many of each as its makeup brings, or at most '
        + 'partySize in all when it gave none; at least one person. Left out: the whole party. Not with attended: false.',
    }) party?: PartyCountInput[] | null,
  ): Promise<RegistrationEntity> {
    return this.registrationService.checkIn(ctx, registrationId, attended, party);
  }
}
