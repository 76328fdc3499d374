import type { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access } from '../../domain/access';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { MAX_IMPACT_DIMENSIONS, MAX_LIST_VALUES } from '../../domain/input-bounds';
import { sqlReaderOf } from '../../db/sql-reader';
import { eventsStartingIn } from '../events/events.read';
import { ImpactDimension, impactReport, ImpactReport } from './impact-figures';
import { registrationTallies, surveysOfPartners, surveyTallies } from './impact.read';
import { impactSurveys } from './impact-surveys';

/** A report spans at most this long: a year and a bit, so "last year" and a fiscal year both fit. */
export const MAX_IMPACT_SPAN_DAYS = 400;
const DAY_MS = 86_400_000;

/**
 * The schema's edge checks these bounds for GraphQL (src/schema/input-checks.ts); the CSV export calls
 * the service directly, so the service checks them too.
 */
function checkBound(argument: string, list: readonly unknown[] | null | undefined, bound: number): void {
  if (list && list.length > bound) throw new InvalidArgumentError(argument, `${list.length} values`, `at most ${bound} values`);
}

export interface ImpactRequest {
  from: Date;
  to: Date;
  partnerIds?: readonly string[] | null;
  groupBy?: readonly ImpactDimension[] | null;
}

/** What a program did over a range, for staff: ADMIN keys over any partners, a PARTNER key over its own. */
export class ImpactService {
  constructor(private readonly db: DataSource) {}

  async report(ctx: Context, request: ImpactRequest): Promise<ImpactReport & { partnerIds: string[] | null }> {
    const { from, to } = request;
    checkBound('partnerIds', request.partnerIds, MAX_LIST_VALUES);
    checkBound('groupBy', request.groupBy, MAX_IMPACT_DIMENSIONS);
    access.requireKey(ctx.principal, 'An impact report');
    const partnerIds = this.partnersFor(ctx, request.partnerIds);
    if (to.getTime() <= from.getTime()) throw new InvalidArgumentError('to', to.toISOString(), `an instant after from (${from.toISOString()})`);
    if (to.getTime() - from.getTime() > MAX_IMPACT_SPAN_DAYS * DAY_MS) {
      throw new InvalidArgumentError('to', to.toISOString(), `at most ${MAX_IMPACT_SPAN_DAYS} days after from`);
    }
    const dimensions = [...new Set(request.groupBy ?? [])];
    const reader = sqlReaderOf(this.db);
    const [events, { tallies, attendees }, surveys, answers] = await Promise.all([
      eventsStartingIn(reader, from, to, partnerIds), registrationTallies(reader, from, to, partnerIds),
      surveysOfPartners(reader, partnerIds), surveyTallies(reader, from, to, partnerIds),
    ]);
    const surveyFacts = impactSurveys(events, surveys, answers, dimensions.includes(ImpactDimension.SERVICE_AREA));
    return { ...impactReport(events, tallies, attendees, dimensions, ctx.now, surveyFacts), partnerIds };
  }

  /** The partners a report covers: those asked for, each of which the key must act for; else every partner the key acts for. */
  private partnersFor(ctx: Context, asked: readonly string[] | null | undefined): string[] | null {
    const scope = access.staffScope(ctx.principal);
    if (!scope.everyPartner && !scope.partnerId) throw new DomainError(ErrorCode.FORBIDDEN, 'An impact report needs a PARTNER or an ADMIN API key.');
    if (!asked?.length) return scope.everyPartner ? null : [scope.partnerId!];
    const ids = [...new Set(asked.map((id) => localIdOf('Partner', id, 'partnerIds')))];
    for (const id of ids) access.requirePartner(ctx.principal, id, 'An impact report over this partner');
    return ids;
  }
}
