import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegistrationStatus } from '../domain/enums';
import { InstantColumn } from '../db/columns';
import type { PartyCountEntry } from '../domain/party';

/** A native registration. Name and email are personal data: only the event's partner may read them. */
@Entity({ name: 'registration' })
@Index('registration_event_status', ['eventId', 'status'])
@Index('registration_event_email', ['eventId', 'email'])
@Index('registration_cancel_token_hash', ['cancelTokenHash'])
@Index('registration_event_idempotency_key', ['eventId', 'idempotencyKeyHash'], { unique: true })
export class RegistrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Lower-cased, so "same email, same event" is one comparison. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'integer', default: 1 })
  partySize!: number;

  /**
   * The party by category as the registrant gave it, JSON `[{ category, count }]` (only categories
   * with people, in the event's order; src/features/registrations/party-makeup.ts). Null: not given.
   */
  @Column({ type: 'simple-json', nullable: true })
  party!: PartyCountEntry[] | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RegistrationStatus;

  /** Orders the waitlist; null once confirmed or cancelled. */
  @Column({ type: 'integer', nullable: true })
  waitlistPosition!: number | null;

  /** A WAITLISTED party's open invitation (INVITE waitlists): its seats are held until then. */
  @InstantColumn({ nullable: true })
  invitedUntil!: Date | null;

  /** SHA-256 of the cancel token handed to the registrant once. */
  @Column({ type: 'varchar', length: 64 })
  cancelTokenHash!: string;

  /**
   * SHA-256 of RegisterInput.idempotencyKey, when the registration was made with one: a retry with the
   * same key at the same event finds this row instead of registering again (unique per event).
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKeyHash!: string | null;

  @Column({ type: 'boolean' })
  attended!: boolean;

  /**
   * Who of the party came, by category, when staff said so at check-in (checkIn's party); null: the
   * whole party came (or, while not attended, nobody). Counted by attendedPeople (src/domain/party.ts).
   */
  @Column({ type: 'simple-json', nullable: true })
  attendedParty!: PartyCountEntry[] | null;

  /**
   * When name and email were erased (the retention purge or a privacy request): both then hold the empty
   * string, and everything counted (status, partySize, attended) stays. Null while they are held.
   */
  @InstantColumn({ nullable: true })
  erasedAt!: Date | null;

  /** When this party, waitlisted, was confirmed (promoted, or its invitation claimed); null if it never was. */
  @InstantColumn({ nullable: true })
  promotedAt!: Date | null;

  /** When this party left the waitlist without a seat (cancelled while waiting, or its invitation lapsed). */
  @InstantColumn({ nullable: true })
  waitlistLeftAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
