import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access } from '../../domain/access';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { newId } from '../../domain/ids';
import { ServiceArea, SurveyRound } from '../../domain/survey';
import { exec, runWriteTransaction, select } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { SurveyEntity } from '../../model/survey.entity';
import { SurveyTokenEntity } from '../../model/survey-token.entity';
import { surveyAnswers } from './survey-answers';
import { surveyCategory, surveyedEvent, surveyOf } from './survey-target';
import { dayOf, newSurveyToken, surveyTokenHash } from '../../domain/survey-token';

export interface CreateSurveyRequest {
  partnerId: string;
  serviceArea: ServiceArea;
  round: SurveyRound;
  eventId?: string | null;
  seriesId?: string | null;
  category?: string | null;
}

export interface SurveyResponseRequest {
  eventId: string;
  round: SurveyRound;
  ratings?: Array<number | null> | null;
  liked?: string | null;
  improve?: string | null;
  token?: string | null;
}

/** A series id as Event.seriesId shows it: what we issue holds no control character and fits the column. */
const SERIES_ID = /^[^\u0000-\u001f\u007f-\u009f\ufffd]{1,64}$/;
const MAX_CATEGORY_LENGTH = 200;

/**
 * Outcome surveys (docs/impact.md, "Outcome surveys"): staff attach them; anyone answers for an
 * occurrence that has begun, anonymously. A registrant's one-use token is spent in the transaction
 * that stores the answer, and nothing of it is stored with the answer.
 */
export class SurveyService {
  constructor(private readonly db: DataSource) {}

  async create(ctx: Context, input: CreateSurveyRequest): Promise<SurveyEntity> {
    const partnerId = localIdOf('Partner', input.partnerId, 'input.partnerId');
    access.requirePartner(ctx.principal, partnerId, 'Creating a survey');
    const target = await this.targetOf(partnerId, input);
    const survey: SurveyEntity = {
      id: newId(), partnerId, serviceArea: input.serviceArea, round: input.round,
      eventId: null, seriesId: null, category: null, ...target, createdAt: ctx.now,
    };
    const repository = this.db.getRepository(SurveyEntity);
    if (await repository.existsBy({ partnerId, round: input.round, ...target })) {
      throw new DomainError(ErrorCode.CONFLICT, `This ${Object.keys(target)[0]} already has a ${input.round} survey; delete it first.`);
    }
    await repository.insert(survey);
    return survey;
  }

  /** Answers stay: the reports over past occurrences do not change when a survey is withdrawn. */
  async delete(ctx: Context, id: string): Promise<boolean> {
    const surveyId = localIdOf('Survey', id, 'id');
    const repository = this.db.getRepository(SurveyEntity);
    const survey = await repository.findOneBy({ id: surveyId });
    access.requirePartner(ctx.principal, survey?.partnerId ?? '', 'Deleting a survey');
    if (!survey) throw new DomainError(ErrorCode.NOT_FOUND, `No survey has the id ${id}.`, { argument: 'id' });
    await repository.delete({ id: surveyId });
    return true;
  }

  /** The survey an occurrence asks in a round (its own, its series', its category's), or null. */
  async surveyFor(eventGlobalId: string, round: SurveyRound): Promise<SurveyEntity | null> {
    const event = await surveyedEvent(this.db, localIdOf('Event', eventGlobalId, 'eventId'), 'eventId');
    return surveyOf(this.db, event, round);
  }

  async respond(ctx: Context, input: SurveyResponseRequest): Promise<boolean> {
    const answers = surveyAnswers(input);
    const event = await surveyedEvent(this.db, localIdOf('Event', input.eventId, 'input.eventId'), 'input.eventId');
    if (event.startsAt > ctx.now) throw new DomainError(ErrorCode.CONFLICT, 'This occurrence has not begun; its survey opens when it starts.');
    const survey = await surveyOf(this.db, event, input.round);
    if (!survey) throw new DomainError(ErrorCode.NOT_FOUND, `This occurrence asks no ${input.round} survey.`, { argument: 'input.round' });
    const day = dayOf(ctx.now).toISOString();
    const hash = input.token == null ? null : surveyTokenHash(input.token);
    const [r1, r2, r3, r4] = answers.ratings;
    await runWriteTransaction(this.db, function* () {
      if (hash) yield* spendToken(hash, event.id, day);
      yield* exec(
        'INSERT INTO "survey_response" ("id", "surveyId", "eventId", "rating1", "rating2", "rating3", "rating4", "liked", "improve", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [newId(), survey.id, event.id, r1, r2, r3, r4, answers.liked, answers.improve, day],
      );
    });
    return true;
  }

  /**
   * A new one-use token for answering about this occurrence: only its hash is stored, and the row names
   * the occurrence, never the registration it is sent to.
   */
  async issueToken(eventId: string): Promise<string> {
    const token = newSurveyToken();
    await runWriteTransaction(this.db, function* () {
      yield* exec('INSERT INTO "survey_token" ("hash", "eventId", "usedAt") VALUES (?, ?, NULL)', [surveyTokenHash(token), eventId]);
    });
    return token;
  }

  /**
   * Whether a registrant's link was used already (true), is fresh (false), or is not one of this
   * occurrence's (null): the survey page says so before anyone types an answer it would refuse.
   */
  async tokenUsed(eventId: string, token: string): Promise<boolean | null> {
    const row = await this.db.getRepository(SurveyTokenEntity).findOneBy({ hash: surveyTokenHash(token), eventId });
    return row ? row.usedAt !== null : null;
  }

  /** Exactly one of eventId, seriesId, category, each checked to be the partner's. */
  private async targetOf(partnerId: string, input: CreateSurveyRequest): Promise<{ eventId: string } | { seriesId: string } | { category: string }> {
    const given = (['eventId', 'seriesId', 'category'] as const).filter((k) => input[k] != null);
    if (given.length !== 1) throw new InvalidArgumentError('input', given, 'exactly one of eventId, seriesId or category');
    if (input.eventId != null) {
      const event = await surveyedEvent(this.db, localIdOf('Event', input.eventId, 'input.eventId'), 'input.eventId');
      if (event.partnerId !== partnerId) throw new DomainError(ErrorCode.NOT_FOUND, `The partner has no event with the id ${input.eventId}.`, { argument: 'input.eventId' });
      return { eventId: event.id };
    }
    if (input.seriesId != null) {
      const seriesId = input.seriesId;
      const known = SERIES_ID.test(seriesId) && await this.db.getRepository(EventEntity).existsBy({ seriesId, partnerId });
      if (!known) throw new DomainError(ErrorCode.NOT_FOUND, `The partner has no series with the id ${JSON.stringify(seriesId.slice(0, 64))}.`, { argument: 'input.seriesId' });
      return { seriesId };
    }
    const category = surveyCategory(input.category!);
    if (!category || category.length > MAX_CATEGORY_LENGTH) {
      throw new InvalidArgumentError('input.category', input.category, `a category of 1 to ${MAX_CATEGORY_LENGTH} characters`);
    }
    return { category };
  }
}

/** Marks the token used (the day only) or refuses: CONFLICT when it was used, BAD_USER_INPUT when it is not this occurrence's. */
function* spendToken(hash: string, eventId: string, day: string) {
  const spent = yield* exec('UPDATE "survey_token" SET "usedAt" = ? WHERE "hash" = ? AND "eventId" = ? AND "usedAt" IS NULL', [day, hash, eventId]);
  if (spent === 1) return;
  const known = yield* select('SELECT "usedAt" FROM "survey_token" WHERE "hash" = ? AND "eventId" = ?', [hash, eventId]);
  if (known.length) throw new DomainError(ErrorCode.CONFLICT, 'This survey link was already used; each link answers once.');
  throw new InvalidArgumentError('input.token', '(hidden)', 'the token of a survey link for this occurrence');
}
