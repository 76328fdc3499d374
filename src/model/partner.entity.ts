import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PartnerKind } from '../domain/enums';
import { InstantColumn, JsonListColumn } from '../db/columns';

@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PartnerKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  /** IANA zone used for floating times and local dates of this partner's events. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @InstantColumn()
  createdAt!: Date;

  /**
   * Web origins (`https://partner.example`) allowed to frame /embed pages and to read feeds from
   * browser scripts (CORS). Empty: any origin, since the events are public anyway.
   */
  @JsonListColumn()
  allowedOrigins!: string[];
}
