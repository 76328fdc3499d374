import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';

/**
 * One answer to a survey, anonymous by construction: no registration, email, address, token or exact
 * time is stored, so nothing here leads back to a person. `createdAt` is the day (midnight UTC) only,
 * so it cannot be matched to a one-use token's use or a mail's sending.
 */
@Entity({ name: 'survey_response' })
@Index('survey_response_event', ['eventId'])
export class SurveyResponseEntity {
  /** Random (UUID): an ordered id would tell the order of answers. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  surveyId!: string;

  /** The occurrence answered for. */
  @Column({ type: 'varchar', length: 64 })
  eventId!: string;

  /** 1..5 per statement, in statement order; null where the respondent skipped it. */
  @Column({ type: 'integer', nullable: true })
  rating1!: number | null;

  @Column({ type: 'integer', nullable: true })
  rating2!: number | null;

  @Column({ type: 'integer', nullable: true })
  rating3!: number | null;

  @Column({ type: 'integer', nullable: true })
  rating4!: number | null;

  /** "What did you like most?": plain text, trimmed, at most 1000 characters; null when left empty. */
  @Column({ type: 'text', nullable: true })
  liked!: string | null;

  /** "What could the library do to help you learn more?", as `liked`. */
  @Column({ type: 'text', nullable: true })
  improve!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
