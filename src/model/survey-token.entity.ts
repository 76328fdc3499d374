import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';

/**
 * A registrant's one-use survey link, kept only as the SHA-256 of its token. It names the occurrence it
 * answers for and never a response (nor a response it): `usedAt` is the day only, like a response's
 * `createdAt`, so the two cannot be matched by time.
 */
@Entity({ name: 'survey_token' })
export class SurveyTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 64 })
  eventId!: string;

  @InstantColumn({ nullable: true })
  usedAt!: Date | null;
}
