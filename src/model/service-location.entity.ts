import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a service is offered (HSDS service_at_location), so `near` filters join locations in SQL. */
@Entity({ name: 'service_location' })
export class ServiceLocationEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  serviceId!: string;

  @Index()
  @PrimaryColumn({ type: 'varchar', length: 64 })
  locationId!: string;

  /** The publisher's order of locations. */
  @Column({ type: 'integer' })
  position!: number;
}
