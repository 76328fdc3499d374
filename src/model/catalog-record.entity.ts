import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CatalogFormat, CatalogIsbn, CatalogLink } from '../datasources/shared/catalog-item';
import { JsonListColumn } from '../db/columns';
import { SyncedRow } from './synced-row';

/** One bibliographic record of one library's catalog (from a MARC source). Full text lives in catalog_fts. */
@Entity({ name: 'catalog_record' })
@Index('catalog_record_source_external', ['sourceId', 'externalId'])
export class CatalogRecordEntity extends SyncedRow {
  /** stableId('catalog', sourceId, externalId): re-ingesting lands on the same row. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  @Column({ type: 'varchar', length: 64 })
  sourceId!: string;

  @Column({ type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 200 })
  controlNumber!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  controlNumberSource!: string | null;

  @Column({ type: 'varchar', length: 1000 })
  title!: string;

  @JsonListColumn()
  alternateTitles!: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  subtitle!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  statementOfResponsibility!: string | null;

  @JsonListColumn()
  authors!: string[];

  /** ISBN-13s with their qualifiers ("pbk.") kept apart. */
  @JsonListColumn()
  isbns!: CatalogIsbn[];

  @JsonListColumn()
  issns!: string[];

  @JsonListColumn()
  oclcNumbers!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  edition!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  publisher!: string | null;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  extent!: string | null;

  @Column({ type: 'varchar', length: 16 })
  format!: CatalogFormat;

  /** MARC language code (ISO 639-2/B), e.g. eng, spa. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @JsonListColumn()
  series!: string[];

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @JsonListColumn()
  subjects!: string[];

  @JsonListColumn()
  links!: CatalogLink[];
}
