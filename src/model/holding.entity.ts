import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HoldingStatus } from '../datasources/shared/catalog-item';

/** One copy (item) of a catalog record, as known from ingestion; live status comes from the ILS. */
@Entity({ name: 'holding' })
export class HoldingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  recordId!: string;

  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  /** The library's Location whose code is the item's home branch code; null when no Location has it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  locationId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  branchCode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  holdingBranchCode!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  callNumber!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  barcode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  itemId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  itemType!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: HoldingStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rawStatus!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  dueDate!: string | null;

  /**
   * The owning library and branch as another town's Community Graph names them: its copies are stored
   * under the partner of our GRAPHQL source, which is not the library. Null for local records.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  libraryName!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  branchName!: string | null;

  /** Order of the items in the record. */
  @Column({ type: 'integer' })
  position!: number;
}
