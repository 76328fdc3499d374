import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'location' })
export class LocationEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  /** The partner's own code for the place (e.g. an ILS branch code), unique per partner. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({ type: 'text', nullable: true })
  accessibility!: string | null;
}
