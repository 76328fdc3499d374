import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ServiceStatus } from '../domain/enums';
import { OpeningHoursRule } from '../datasources/shared/opening-hours';
import { JsonListColumn } from '../db/columns';
import { ServiceContact, ServiceCostOption, ServicePhone } from '../datasources/shared/service-item';
import { SyncedRow } from './synced-row';

/**
 * A nonprofit's listing (Open Referral HSDS service). Nested detail that is only ever read with the
 * service (phones, contacts, cost options, opening hours) is kept as JSON; what filters need
 * (names, ages, languages, taxonomy terms, locations) is in columns or the service_location table.
 */
@Entity({ name: 'service' })
@Index('service_page', ['name', 'id'])
@Index('service_partner_page', ['partnerId', 'name', 'id'])
export class ServiceEntity extends SyncedRow {
  /** Stable: stableId(partner, source, external id). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** The NONPROFIT partner the listing belongs to (its organization). */
  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  alternateName!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, default: ServiceStatus.ACTIVE })
  status!: ServiceStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  organizationName!: string | null;

  @Column({ type: 'text', nullable: true })
  eligibilityDescription!: string | null;

  @Column({ type: 'double precision', nullable: true })
  minimumAge!: number | null;

  @Column({ type: 'double precision', nullable: true })
  maximumAge!: number | null;

  @Column({ type: 'text', nullable: true })
  applicationProcess!: string | null;

  @Column({ type: 'text', nullable: true })
  fees!: string | null;

  @JsonListColumn()
  costOptions!: ServiceCostOption[];

  @JsonListColumn()
  languages!: string[];

  @JsonListColumn()
  categories!: string[];

  @JsonListColumn()
  categoryCodes!: string[];

  @JsonListColumn()
  phones!: ServicePhone[];

  @JsonListColumn()
  contacts!: ServiceContact[];

  @JsonListColumn()
  hours!: OpeningHoursRule[];

  /** IANA zone of the service's locations (the partner's): opening hours are read in it. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  /** The publisher's last_modified, as written. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  lastModified!: string | null;

  // Provenance, as for synced events.
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'varchar', length: 1000 })
  externalId!: string;
}
