import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { RegistrationStatus } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { newId } from '../../domain/ids';
import { runWriteTransaction } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import { CommunityPubSub } from '../../pubsub/pubsub';
import { access } from '../../domain/access';
import { registrantEmail } from './registrant-email';
import { cancelProgram, checkInProgram, RegistrationRejectionCode } from './registration-programs';
import { registerParty } from './register-party';
import { attendedByCategory } from '../../domain/party';
import { countsMessage, SeatRow } from '../events/seats';
import { holdDurationMs, newHoldId, SeatHold } from '../events/seat-holds';
import { holdProgram, releaseHoldProgram } from './seat-hold-programs';
import { claimProgram } from './invitation-programs';
import { cancelTokens } from './cancel-token';
import { idempotencyKeys } from './idempotency-key';
import { DataChanges } from '../../pubsub/data-changes';
import { confirmationMail } from '../notifications/confirmation-mail';
import { partyCategoriesOf } from '../events/party-categories';
import { checkAttendedParty, checkPartyMakeup, PartyCountEntry, sameMakeup } from './party-makeup';

export interface RegisterInput {
  eventId: string;
  name: string;
  email: string;
  partySize?: number | null;
  party?: PartyCountEntry[] | null;
  idempotencyKey?: string | null;
  language?: string | null;
  holdId?: string | null;
}

export type HoldResult =
  | { kind: 'held'; hold: SeatHold; eventId: string }
  | { kind: 'rejected'; code: RegistrationRejectionCode; message: string };

export type RegisterResult =
  | { kind: 'ticket'; registration: RegistrationEntity; cancelToken: string }
  | { kind: 'rejected'; code: RegistrationRejectionCode; message: string };

export interface CancelResult {
  registration: RegistrationEntity;
  /** Waitlisted registrations this cancellation confirmed, in waitlist order. */
  promoted: number;
}

const MAX_PARTY_SIZE = 100;
/** A BCP 47 tag's shape (RFC 5646 §2.1, loosely): letters and digits in hyphen-separated subtags of 1 to 8. */
const HOLD_ID = /^[A-Za-z0-9_-]{24}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function partySizeOf(raw: number | null | undefined): number {
  const partySize = raw ?? 1;
  if (!Number.isInteger(partySize) || partySize < 1 || partySize > MAX_PARTY_SIZE) {
    throw new InvalidArgumentError('input.partySize', raw, `an integer from 1 to the event's maxPartySize (at most ${MAX_PARTY_SIZE})`);
  }
  return partySize;
}

/** The answer for an event id that decodes but names no event. */
const noSuchEvent = (eventId: string) => new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${eventId}.`, { argument: 'input.eventId' });

function holdIdOf(raw: string | null | undefined): string | null {
  if (raw == null || raw === '') return null;
  if (!HOLD_ID.test(raw)) throw new InvalidArgumentError('input.holdId', `${raw.length} characters`, 'the 24-character holdId of a SeatHold');
  return raw;
}

function languageTag(raw: string | null | undefined): string | null {
  const tag = raw?.trim();
  if (!tag) return null;
  if (tag.length > 35 || !LANGUAGE_TAG.test(tag)) throw new InvalidArgumentError('input.language', raw, 'a BCP 47 language tag such as en, es or es-MX');
  return tag;
}

export class RegistrationService {
  constructor(private readonly db: DataSource, private readonly pubsub: CommunityPubSub, private readonly changes: DataChanges) {}

  /** Claims seats (or a waitlist place) for a party; expected refusals come back as a typed rejection. */
  async register(ctx: Context, input: RegisterInput): Promise<RegisterResult> {
    const eventId = localIdOf('Event', input.eventId, 'input.eventId');
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw new InvalidArgumentError('input.name', input.name, 'a name of 1 to 200 characters');
    const email = registrantEmail('input.email', input.email);
    const { partySize, party } = await this.partyOf(ctx, eventId, input);
    const holdId = holdIdOf(input.holdId);
    const language = languageTag(input.language);
    const key = idempotencyKeys.check(input.idempotencyKey);
    const cancelToken = key ? idempotencyKeys.cancelToken(eventId, key) : cancelTokens.create();
    const id = newId();
    const outcome = await registerParty(this.db, {
      id, eventId, name, email, partySize, party, cancelTokenHash: cancelTokens.hash(cancelToken),
      idempotencyKeyHash: key ? idempotencyKeys.hash(key) : null, now: ctx.now, staffOf: access.staffScope(ctx.principal),
      confirmation: confirmationMail({ id, email }, cancelToken, language), holdId,
    });
    if (outcome.kind === 'missing') throw noSuchEvent(input.eventId);
    if (outcome.kind === 'rejected') return { kind: 'rejected', code: outcome.code, message: outcome.message };
    if (outcome.kind === 'existing') {
      // A retry: the first call's registration as it is now (perhaps promoted or cancelled since),
      // nothing written, nothing published. A key sent with other values is a client bug (or a guess),
      // and answering it would hand out the first registration's cancel token for someone else's input.
      const first = outcome.registration;
      if (first.name !== name || first.email !== email || first.partySize !== partySize || !sameMakeup(first.party, party)) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'This idempotencyKey was already used for a registration with another name, email, partySize or party; send a new key for a new registration.',
          { argument: 'input.idempotencyKey' },
        );
      }
      return { kind: 'ticket', registration: first, cancelToken };
    }
    this.committed(ctx, outcome.event);
    return { kind: 'ticket', registration: outcome.registration, cancelToken };
  }

  /**
   * The seats a registration asks for and its makeup, if given. The makeup is checked against the
   * event's categories as the request reads them: an edit of the categories racing a registration may
   * let it store the keys it was shown, which is what the registrant chose from.
   */
  private async partyOf(ctx: Context, eventId: string, input: RegisterInput): Promise<{ partySize: number; party: PartyCountEntry[] | null }> {
    if (input.party == null) return { partySize: partySizeOf(input.partySize), party: null };
    if (input.partySize != null) partySizeOf(input.partySize);
    const event = await ctx.loaders.eventById.load(eventId);
    if (!event) throw noSuchEvent(input.eventId);
    return checkPartyMakeup(input.party, partyCategoriesOf(event), input.partySize);
  }

  /** Sets seats aside for a party filling in the form (seat-holds.ts); refusals come back typed, as for register. */
  async holdSeats(ctx: Context, input: { eventId: string; partySize?: number | null }): Promise<HoldResult> {
    const eventId = localIdOf('Event', input.eventId, 'input.eventId');
    const partySize = partySizeOf(input.partySize);
    const hold: SeatHold = { id: newHoldId(), n: partySize, until: new Date(ctx.now.getTime() + holdDurationMs(partySize)).toISOString() };
    const outcome = await runWriteTransaction(this.db, () => holdProgram(eventId, hold, ctx.now));
    if (outcome.kind === 'missing') throw noSuchEvent(input.eventId);
    if (outcome.kind === 'rejected') return outcome;
    this.committed(ctx, outcome.event);
    return { kind: 'held', hold, eventId: input.eventId };
  }

  /** Ends a hold early; true when it was in force. */
  async releaseSeatHold(ctx: Context, input: { eventId: string; holdId: string }): Promise<boolean> {
    const eventId = localIdOf('Event', input.eventId, 'input.eventId');
    const holdId = holdIdOf(input.holdId);
    if (!holdId) throw new InvalidArgumentError('input.holdId', input.holdId, 'the 24-character holdId of a SeatHold');
    const outcome = await runWriteTransaction(this.db, () => releaseHoldProgram(eventId, holdId, ctx.now));
    if (outcome.kind === 'missing') throw noSuchEvent(input.eventId);
    if (outcome.changed) this.committed(ctx, outcome.event);
    return outcome.changed;
  }

  /** Frees the seats and confirms waitlisted parties in order while they fit. Cancelling twice is a no-op. */
  async cancel(ctx: Context, input: { registrationId: string; cancelToken: string }): Promise<CancelResult> {
    const id = localIdOf('Registration', input.registrationId, 'input.registrationId');
    const outcome = await runWriteTransaction(this.db, () => cancelProgram(id, cancelTokens.matcher(input.cancelToken), ctx.now));
    if (outcome.kind === 'denied') {
      // Same answer for an unknown id and a wrong token: a token is the only proof of ownership.
      throw new DomainError(ErrorCode.FORBIDDEN, 'No registration matches this registrationId and cancelToken.', { argument: 'input.cancelToken' });
    }
    ctx.loaders.eventById.clear(outcome.registration.eventId);
    if (outcome.changed) this.committed(ctx, outcome.event);
    return { registration: outcome.registration, promoted: outcome.promoted.length };
  }

  /** An invited party (INVITE waitlists) takes its held seats with its cancel token. */
  async claimInvitation(ctx: Context, input: { registrationId: string; cancelToken: string }): Promise<RegistrationEntity> {
    const id = localIdOf('Registration', input.registrationId, 'input.registrationId');
    const outcome = await runWriteTransaction(this.db, () => claimProgram(id, cancelTokens.matcher(input.cancelToken), ctx.now));
    if (outcome.kind === 'denied') {
      throw new DomainError(ErrorCode.FORBIDDEN, 'No registration matches this registrationId and cancelToken.', { argument: 'input.cancelToken' });
    }
    if (outcome.kind === 'not-invited') {
      const r = outcome.registration;
      const why = r.status !== RegistrationStatus.WAITLISTED ? `it is ${r.status}`
        : r.invitedUntil ? `its invitation ended at ${r.invitedUntil.toISOString()}` : 'no seat has been offered to it yet';
      throw new DomainError(ErrorCode.CONFLICT, `This registration has no open invitation to claim: ${why}.`, { argument: 'input.registrationId' });
    }
    if (outcome.kind === 'no-room') {
      throw new DomainError(ErrorCode.CONFLICT, 'The event no longer has room for this party: its capacity was reduced. Staff can help.', { argument: 'input.registrationId' });
    }
    if (outcome.changed) this.committed(ctx, outcome.event);
    return outcome.registration;
  }

  /**
   * The registration a cancel token was handed out with, for whoever holds the token; null when no
   * registration (or its event) has it any more. The token is looked up by its hash: the database
   * compares hashes, whose timing says nothing about any stored token, and the match is then
   * confirmed in constant time as cancel() does.
   */
  async byCancelToken(ctx: Context, code: string): Promise<RegistrationEntity | null> {
    if (!cancelTokens.hasShape(code)) {
      // The value is not echoed: a near-miss of a real token is still most of a secret.
      throw new InvalidArgumentError('code', `${code.length} characters`, 'the 32-character cancelToken of a RegistrationTicket (A-Z, a-z, 0-9, - and _)');
    }
    const registration = await this.db.getRepository(RegistrationEntity).findOneBy({ cancelTokenHash: cancelTokens.hash(code) });
    if (!registration || !cancelTokens.matcher(code)(registration.cancelTokenHash)) return null;
    return (await ctx.loaders.eventById.load(registration.eventId)) ? registration : null;
  }

  /**
   * Staff mark a confirmed registration as attended (or undo it); the event keeps the attendance count
   * in people. `party` says who of it came, by category (./party-makeup.ts checkAttendedParty); left
   * out, the whole party did.
   */
  async checkIn(ctx: Context, registrationId: string, attended: boolean, party?: PartyCountEntry[] | null): Promise<RegistrationEntity> {
    const registration = await this.findForStaff(ctx, registrationId, 'Checking in a registration');
    if (party && !attended) throw new InvalidArgumentError('party', `${party.length} values`, 'no party when undoing a check-in (attended: false)');
    const event = await ctx.loaders.eventById.load(registration.eventId);
    const came = party ? checkAttendedParty(party, partyCategoriesOf(event!), registration) : null;
    const outcome = await runWriteTransaction(this.db, () => checkInProgram(registration, attended, came, ctx.now));
    if (outcome.kind === 'not-confirmed') {
      throw new DomainError(ErrorCode.CONFLICT, `Only a CONFIRMED registration can be checked in; this one is ${outcome.registration.status}.`);
    }
    ctx.loaders.eventById.clear(registration.eventId);
    if (outcome.changed) this.committed(ctx, outcome.event);
    return outcome.registration;
  }

  /** The event's registrations, for its partner's staff only. */
  async listForEvent(ctx: Context, event: EventEntity, status?: RegistrationStatus[] | null): Promise<RegistrationEntity[]> {
    access.requirePartner(ctx.principal, event.partnerId, 'Reading registrations');
    const rows = await ctx.loaders.registrationsByEvent.load(event.id);
    return status?.length ? rows.filter((r) => status.includes(r.status)) : rows;
  }

  /**
   * Personal data (name, email, and the party's makeup: who comes with whom says much about a
   * household): only the event's partner or an admin may read it. A party without a makeup reads
   * as an empty list (nobody was counted by category), never as invented adults.
   */
  async personalData(ctx: Context, registration: RegistrationEntity, field: 'name' | 'email'): Promise<string>;
  async personalData(ctx: Context, registration: RegistrationEntity, field: 'party' | 'attendedParty'): Promise<PartyCountEntry[]>;
  async personalData(ctx: Context, registration: RegistrationEntity, field: 'name' | 'email' | 'party' | 'attendedParty'): Promise<string | PartyCountEntry[]> {
    const event = await ctx.loaders.eventById.load(registration.eventId);
    access.requirePartner(ctx.principal, event?.partnerId ?? '', `Reading a registrant's ${field}`);
    if (field === 'attendedParty') return attendedByCategory(registration);
    return field === 'party' ? registration.party ?? [] : registration[field];
  }

  /** 1 for the next party to be confirmed; null unless WAITLISTED. */
  async waitlistRank(ctx: Context, registration: RegistrationEntity): Promise<number | null> {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return ctx.loaders.waitlistRankById.load(registration.id);
  }

  /** After a commit that changed an event's seats: fresh reads in this request, then seatsChanged. */
  private committed(ctx: Context, event: SeatRow): void {
    ctx.loaders.eventById.clear(event.id);
    this.seatsChanged(event);
  }

  /** After a commit that changed an event's seats (here or in the WaitlistSweeper): cleared caches, live counts. */
  seatsChanged(event: SeatRow): void {
    this.changes.committed('registrations');
    this.pubsub.publish('REGISTRATION_COUNTS', countsMessage(event, new Date()));
  }

  private async findForStaff(ctx: Context, registrationId: string, action: string): Promise<RegistrationEntity> {
    const id = localIdOf('Registration', registrationId, 'registrationId');
    const registration = await this.db.getRepository(RegistrationEntity).findOneBy({ id });
    const event = registration ? await ctx.loaders.eventById.load(registration.eventId) : null;
    if (!registration || !event) {
      // Refuse the public before saying whether the id exists.
      access.requirePartner(ctx.principal, '', action);
      throw new DomainError(ErrorCode.NOT_FOUND, `No registration has the id ${registrationId}.`, { argument: 'registrationId' });
    }
    access.requirePartner(ctx.principal, event.partnerId, action);
    return registration;
  }
}
