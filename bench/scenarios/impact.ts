import { ApiKeyRole } from '../../src/domain/enums';
import { newId } from '../../src/domain/ids';
import { ServiceArea, SurveyRound } from '../../src/domain/survey';
import { SurveyEntity } from '../../src/model/survey.entity';
import { SurveyResponseEntity } from '../../src/model/survey-response.entity';
import { ApiKeyService } from '../../src/features/partners/api-key.service';
import { GraphqlBench } from '../lib/graphql-bench';
import { graphqlScenario } from '../lib/graphql-scenario';
import type { Row } from '../lib/scenario';
import { runStandalone } from '../lib/standalone';
import { percentile } from '../lib/stats';

const DAY_MS = 86_400_000;

/** The reports staff run: the year's totals, by partner and month, by category, by branch. */
const REPORTS: Array<[string, string[]]> = [
  ['totals', []], ['PARTNER × MONTH', ['PARTNER', 'MONTH']], ['CATEGORY', ['CATEGORY']], ['BRANCH', ['BRANCH']], ['SERVICE_AREA', ['SERVICE_AREA']],
];

const IMPACT_QUERY = `query Impact($from: DateTime!, $to: DateTime!, $groupBy: [ImpactDimension!]) {
  impact(from: $from, to: $to, groupBy: $groupBy) {
    totals { occurrences registrations confirmed attended fillRate noShowRate surveyResponses agreement { agreeShare } }
    groups { partner { name } month category branch { name } serviceArea figures { occurrences registrations confirmed attended fillRate noShowRate surveyResponses agreement { agreeShare } } }
  }
}`;

/** Survey responses over the year, as the town has them (smoke: a few hundred). */
const RESPONSES = 20_000;
const CHUNK = 500;

/**
 * Every partner asks a survey of its storytimes and maker sessions; RESPONSES answers spread over the
 * town's occurrences, ratings varied by a fixed rule (about two in three agree). Answers are inserted
 * as rows: what is measured is reading them.
 */
async function answerSurveys(bench: GraphqlBench, responses: number): Promise<void> {
  const plan = bench.town.plan;
  const surveys = Array.from({ length: plan.scale.partners }, (_, p) => [
    { id: newId(), partnerId: plan.partnerId(p), serviceArea: ServiceArea.EARLY_CHILDHOOD_LITERACY, round: SurveyRound.IMMEDIATE, eventId: null, seriesId: null, category: 'storytime', createdAt: plan.now },
    { id: newId(), partnerId: plan.partnerId(p), serviceArea: ServiceArea.DIGITAL_LEARNING, round: SurveyRound.IMMEDIATE, eventId: null, seriesId: null, category: 'maker', createdAt: plan.now },
  ]).flat();
  await bench.app.db.getRepository(SurveyEntity).insert(surveys);
  const day = new Date(plan.now.toISOString().slice(0, 10));
  for (let start = 0; start < responses; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, responses - start) }, (_, k) => {
      const n = start + k;
      const i = (n * 7) % plan.scale.events;
      const rating = (m: number) => 1 + ((n * 31 + m * 17) % 5);
      return {
        id: newId(), surveyId: surveys[(i % plan.scale.partners) * 2].id, eventId: plan.eventId(i),
        rating1: rating(1), rating2: rating(2), rating3: rating(3), rating4: n % 4 === 0 ? null : rating(4), liked: null, improve: null, createdAt: day,
      };
    });
    await bench.app.db.getRepository(SurveyResponseEntity).insert(rows);
  }
}

/**
 * Each report asked `runs` times in a row by one staff member (an admin key, so the whole town), after
 * one warm-up: its latency percentiles and the SQL statements it took, which must not grow with the town.
 */
async function runOn(bench: GraphqlBench, _load: unknown, smoke: boolean): Promise<Row[]> {
  await answerSurveys(bench, smoke ? 300 : RESPONSES);
  const { secret } = await new ApiKeyService(bench.app.db).create({ role: ApiKeyRole.ADMIN, label: 'bench impact' });
  const headers = { authorization: `Bearer ${secret}` };
  const from = new Date(bench.town.plan.now.getTime() - 8 * DAY_MS);
  const variables = { from: from.toISOString(), to: new Date(from.getTime() + 399 * DAY_MS).toISOString() };
  const runs = smoke ? 5 : 60;
  const rows: Row[] = [];
  for (const [report, groupBy] of REPORTS) {
    const first = await bench.post(IMPACT_QUERY, { ...variables, groupBy }, headers);
    const totals = first.json.data!.impact.totals;
    const times: number[] = [];
    for (let n = 0; n < runs; n++) {
      const started = performance.now();
      await bench.post(IMPACT_QUERY, { ...variables, groupBy }, headers);
      times.push(performance.now() - started);
    }
    rows.push({
      backend: bench.backend, report, occurrences: totals.occurrences, registrations: totals.registrations, responses: totals.surveyResponses,
      groups: first.json.data!.impact.groups.length, statements: first.statements,
      'p50 ms': Number(percentile(times, 50).toFixed(1)), 'p99 ms': Number(percentile(times, 99).toFixed(1)),
    });
  }
  return rows;
}

/**
 * A year of a 50-partner town: 20,000 occurrences, 10,000 of them (every other) taking registrations (about 170,000
 * registration rows) and 20,000 survey answers, reported on over HTTP with an admin key.
 */
export const scenario = graphqlScenario(
  'impact', 'Impact reports over a year of the town (20,000 occurrences, ~170,000 registrations): latency and statements per report, SQLite and PostgreSQL',
  (bench, load, smoke) => runOn(bench, load, smoke),
  (base) => ({ ...base, registeredEvents: Math.floor(base.events / 2) }),
);

if (require.main === module) runStandalone(scenario);
