import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';
import { ServiceArea, SurveyRound } from '../domain/survey';

/**
 * An outcome survey a partner asks (issue 19): one service area's statements, for one round, attached to
 * exactly one of an occurrence (`eventId`), a series (`seriesId`) or the partner's events in a category
 * (`category`, lower-cased). An occurrence takes its own survey, else its series', else its category's.
 */
@Entity({ name: 'survey' })
@Index('survey_event', ['eventId', 'round'])
@Index('survey_series', ['seriesId', 'round'])
@Index('survey_category', ['partnerId', 'category', 'round'])
export class SurveyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  @Column({ type: 'varchar', length: 32 })
  serviceArea!: ServiceArea;

  @Column({ type: 'varchar', length: 16 })
  round!: SurveyRound;

  @Column({ type: 'varchar', length: 64, nullable: true })
  eventId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  seriesId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  category!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
