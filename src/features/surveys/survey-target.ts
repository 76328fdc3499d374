import { DataSource, FindOptionsWhere } from 'typeorm';
import { DomainError, ErrorCode } from '../../domain/errors';
import { SurveyRound } from '../../domain/survey';
import { EventEntity } from '../../model/event.entity';
import { SurveyEntity } from '../../model/survey.entity';

/** A category as surveys compare it: trimmed and lower-cased, as the impact report's CATEGORY groups it. */
export const surveyCategory = (category: string): string => category.trim().toLowerCase();

/** A published occurrence, or NOT_FOUND naming `argument`. */
export async function surveyedEvent(db: DataSource, eventId: string, argument: string): Promise<EventEntity> {
  const event = await db.getRepository(EventEntity).findOneBy({ id: eventId });
  if (!event || event.removedAt) throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${eventId}.`, { argument });
  return event;
}

type SurveyedFields = Pick<EventEntity, 'id' | 'partnerId' | 'seriesId' | 'categories'>;

/**
 * Of `candidates`, the survey an occurrence asks in a round: its own, else its series', else one of its
 * partner's for a category it has (in the order of the event's categories). Pure: the impact report
 * applies it to every occurrence of a range over one read of the surveys.
 */
export function pickSurvey<S extends Pick<SurveyEntity, 'partnerId' | 'eventId' | 'seriesId' | 'category' | 'round'>>(
  event: SurveyedFields, round: SurveyRound, candidates: readonly S[],
): S | null {
  const inRound = candidates.filter((s) => s.round === round);
  return inRound.find((s) => s.eventId === event.id)
    ?? inRound.find((s) => event.seriesId !== null && s.seriesId === event.seriesId && s.partnerId === event.partnerId)
    ?? event.categories.map(surveyCategory).map((c) => inRound.find((s) => s.category === c && s.partnerId === event.partnerId)).find((s) => s !== undefined)
    ?? null;
}

/** The survey an occurrence asks in a round (pickSurvey), read in one statement. */
export async function surveyOf(db: DataSource, event: EventEntity, round: SurveyRound): Promise<SurveyEntity | null> {
  const categories = [...new Set(event.categories.map(surveyCategory))];
  const where: Array<FindOptionsWhere<SurveyEntity>> = [{ eventId: event.id, round }];
  if (event.seriesId) where.push({ seriesId: event.seriesId, round });
  const candidates = await db.getRepository(SurveyEntity).find({ where: [...where, ...categories.map((category) => ({ partnerId: event.partnerId, category, round }))] });
  return pickSurvey(event, round, candidates);
}
