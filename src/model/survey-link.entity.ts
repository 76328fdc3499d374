import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';

/**
 * The short code of an occurrence's public survey page (`/s/<code>`, docs/impact.md): short enough to type
 * from a printed sheet and to keep a QR code small. Made the first time staff or the survey mail ask for
 * it, one per occurrence, never reused; it names the occurrence only.
 */
@Entity({ name: 'survey_link' })
@Index('survey_link_event', ['eventId'], { unique: true })
export class SurveyLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  eventId!: string;

  @InstantColumn()
  createdAt!: Date;
}
