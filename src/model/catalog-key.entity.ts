import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum CatalogKeyKind {
  ISBN = 'ISBN',
  OCLC = 'OCLC',
  /** Folded title, for events that name a book. */
  TITLE = 'TITLE',
  /** Folded first element of a subject heading, for events whose category matches it. */
  SUBJECT = 'SUBJECT',
}

/**
 * Match keys of live catalog records: ISBN / OCLC cluster the same work across libraries
 * (otherHoldings); TITLE / SUBJECT link records and events. One indexed lookup answers each.
 */
@Entity({ name: 'catalog_key' })
export class CatalogKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind!: CatalogKeyKind;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  value!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  @Index()
  recordId!: string;

  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;
}
