import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access } from '../../domain/access';
import { newSurveyLinkCode, SURVEY_LINK_CODE, surveyPagePath, surveyQrPath } from '../../domain/survey-link';
import { exec, runWriteTransaction, select } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { SurveyLinkEntity } from '../../model/survey-link.entity';

/** Random codes collide once in ~2^24 links per pair; a few tries make a failure practically impossible. */
const MAX_TRIES = 5;

/**
 * The short codes of occurrences' survey pages (survey_link): made the first time asked for, then the
 * same for good. Concurrent first asks (staff and the survey mail) agree: the insert does nothing when
 * the occurrence has its code already, and everyone reads the one stored.
 */
export class SurveyLinkService {
  constructor(private readonly db: DataSource) {}

  /** Event.surveyLink for the event's partner's staff: its code (made on first ask) and absolute addresses. */
  async linkOf(ctx: Context, event: Pick<EventEntity, 'id' | 'partnerId'>): Promise<{ code: string; url: string | null; qrSvgUrl: string | null }> {
    access.requirePartner(ctx.principal, event.partnerId, 'Reading an event\'s survey link');
    const code = await this.codeFor(event.id, ctx.now);
    const base = ctx.baseUrl ?? null;
    return { code, url: base && base + surveyPagePath(code), qrSvgUrl: base && base + surveyQrPath(code) };
  }

  /** The code of an occurrence (its local id), made now when it has none. */
  async codeFor(eventId: string, now: Date): Promise<string> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const code = await runWriteTransaction(this.db, function* () {
        const known = yield* select('SELECT "code" FROM "survey_link" WHERE "eventId" = ?', [eventId]);
        if (known.length) return String(known[0].code);
        const made = newSurveyLinkCode();
        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a concurrent ask, or a code taken by another occurrence.
        const inserted = yield* exec('INSERT INTO "survey_link" ("code", "eventId", "createdAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [made, eventId, now.toISOString()]);
        if (inserted === 1) return made;
        const raced = yield* select('SELECT "code" FROM "survey_link" WHERE "eventId" = ?', [eventId]);
        return raced.length ? String(raced[0].code) : null;
      });
      if (code) return code;
    }
    throw new Error(`no free survey link code after ${MAX_TRIES} tries`);
  }

  /** The published occurrence a code opens, or null (no such code, or the occurrence was removed). */
  async eventOf(code: string): Promise<EventEntity | null> {
    if (!SURVEY_LINK_CODE.test(code)) return null;
    const link = await this.db.getRepository(SurveyLinkEntity).findOneBy({ code });
    if (!link) return null;
    const event = await this.db.getRepository(EventEntity).findOneBy({ id: link.eventId });
    return event && !event.removedAt ? event : null;
  }
}
