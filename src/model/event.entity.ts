import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AttendanceMode, Audience, EventStatus, RegistrationMode, WaitlistMode } from '../domain/enums';
import { InstantColumn, JsonListColumn } from '../db/columns';
import type { PartyCategory, PartyCountEntry } from '../domain/party';

export interface EventOfferRecord {
  name: string | null;
  price: number | null;
  currency: string | null;
  url: string | null;
  availability: string | null;
}

/** One row per occurrence: a recurring series is expanded, each instance keeping the seriesId. */
@Entity({ name: 'event' })
@Index('event_page', ['startsAt', 'id', 'endsAt'])
@Index('event_partner_page', ['partnerId', 'startsAt', 'id', 'endsAt'])
export class EventEntity {
  /** Stable: derived from partner + source + UID + recurrence instance for synced events. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  seriesId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** Plain text, already sanitized at ingest. */
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @InstantColumn()
  startsAt!: Date;

  @InstantColumn()
  endsAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'boolean' })
  allDay!: boolean;

  /** Local calendar dates of an all-day event; the end date is exclusive (RFC 5545 DTEND). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 16, default: EventStatus.SCHEDULED })
  status!: EventStatus;

  @Column({ type: 'varchar', length: 16, default: AttendanceMode.OFFLINE })
  attendanceMode!: AttendanceMode;

  @JsonListColumn()
  audiences!: Audience[];

  @JsonListColumn()
  rawAudiences!: string[];

  @JsonListColumn()
  categories!: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  imageUrl!: string | null;

  /** schema.org offers (price, currency, url, availability) as the partner published them. */
  @Column({ type: 'simple-json', default: '[]' })
  offers!: EventOfferRecord[];

  /** Start before a reschedule (schema.org previousStartDate). */
  @InstantColumn({ nullable: true })
  previousStartsAt!: Date | null;

  /** Organizing body named by the feed when it is not the partner itself (schema.org organizer). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  organizerName!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  locationId!: string | null;

  @Column({ type: 'varchar', length: 16, default: RegistrationMode.NONE })
  registrationMode!: RegistrationMode;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  registrationUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'integer', default: 0 })
  waitlistCapacity!: number;

  /**
   * Whether the partner takes a waiting list once full, as its feed says (LibCal `wait_list`), for
   * EXTERNAL registration: the partner publishes no size or count of that list. Null when not said.
   */
  @Column({ type: 'boolean', nullable: true })
  externalWaitlist!: boolean | null;

  @Column({ type: 'integer', default: 1 })
  maxPartySize!: number;

  /** What a freed seat does for the waitlist (NATIVE events). */
  @Column({ type: 'varchar', length: 16, default: WaitlistMode.AUTO_PROMOTE })
  waitlistMode!: WaitlistMode;

  /** How long an INVITE waitlist's invitation lasts, in hours; null: 24. */
  @Column({ type: 'integer', nullable: true })
  inviteHours!: number | null;

  /**
   * Seats taken, kept on the event row so a page of events needs no count query, and so a
   * registration can claim seats with one conditional UPDATE (the database arbitrates races).
   * For EXTERNAL events these mirror the partner's own published counts.
   */
  @Column({ type: 'integer', default: 0 })
  confirmedCount!: number;

  @Column({ type: 'integer', default: 0 })
  waitlistedCount!: number;

  /** People checked in by staff (native registrations). */
  @Column({ type: 'integer', default: 0 })
  attendedCount!: number;

  /**
   * People who came without registering, added by staff at the door, as JSON `[{ category, count }]`
   * (src/features/registrations/attendance.service.ts). Counts only; they take no seats. Null: none.
   */
  @Column({ type: 'simple-json', nullable: true })
  walkIns!: PartyCountEntry[] | null;

  /** A drop-in occurrence's head count by category, set (replaced) by staff, JSON as walkIns. Null: none taken. */
  @Column({ type: 'simple-json', nullable: true })
  headCount!: PartyCountEntry[] | null;

  /** Seats held while forms are filled in: JSON `[{ id, n, until }]` (src/features/events/seat-holds.ts). */
  @Column({ type: 'text', default: '[]' })
  seatHolds!: string;

  @InstantColumn({ nullable: true })
  registrationOpensAt!: Date | null;

  @InstantColumn({ nullable: true })
  registrationClosesAt!: Date | null;

  /** Hours before the start that a registrant's reminder goes (NATIVE events): null = 24, 0 = none. */
  @Column({ type: 'integer', nullable: true })
  reminderHours!: number | null;

  /** Where registrants are asked how it went, by an email an hour after it ends (NATIVE events); null: none. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  surveyUrl!: string | null;

  /**
   * The kinds of people its parties are counted by, as JSON `[{ key, label }]` (NATIVE events;
   * src/features/events/party-categories.ts). Null: the defaults (adults, teens, children, babies).
   */
  @Column({ type: 'simple-json', nullable: true })
  partyCategories!: PartyCategory[] | null;

  /**
   * Fields an occurrence of a NATIVE series was given on its own (updateEvent), as a JSON list of
   * field names: a later series-wide change (updateEventSeries) leaves them alone. Null: none.
   */
  @Column({ type: 'simple-json', nullable: true })
  overriddenFields!: string[] | null;

  // Provenance: where a synced event came from, and whether it is still in its feed.
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash!: string | null;

  @InstantColumn({ nullable: true })
  fetchedAt!: Date | null;

  @InstantColumn({ nullable: true })
  removedAt!: Date | null;

  /** Bumped on every change; feeds publish it as the iCalendar SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
