import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ApiKeyRole } from '../domain/enums';
import { InstantColumn } from '../db/columns';

/** Only the SHA-256 of a key is stored; the key itself is shown once, at creation. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: ApiKeyRole;

  /** Set for PARTNER keys: the one partner this key acts for. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  partnerId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;
}
