import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent } from '../../support/native-event';
import { SurveyResponseEntity } from '../../../src/model/survey-response.entity';
import { SurveyTokenEntity } from '../../../src/model/survey-token.entity';
import { surveyTokenHash } from '../../../src/domain/survey-token';

const CREATE = `mutation($input: CreateSurveyInput!) {
  createSurvey(input: $input) { id serviceArea round eventId seriesId category questions { statements } }
}`;
const SURVEY_FOR = `query($e: ID!, $r: SurveyRound!) {
  surveyFor(eventId: $e, round: $r) { serviceArea round statements scaleMin scaleMax likedQuestion improveQuestion }
}`;
const RESPOND = 'mutation($input: RespondToSurveyInput!) { respondToSurvey(input: $input) }';
const DELETE = 'mutation($id: ID!) { deleteSurvey(id: $id) }';

const NOW = new Date('2026-06-15T12:00:00Z');
const hourAt = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });

describeEachBackend('outcome surveys', (backend) => {
  let graph: TestGraph;
  let library: Awaited<ReturnType<typeof createPartner>>;
  let museum: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => NOW });
    library = await createPartner(graph.db, 'survey-library');
    museum = await createPartner(graph.db, 'survey-museum');
  });
  afterAll(() => graph.close());

  const past = (overrides: Parameters<typeof insertNativeEvent>[2] = {}) =>
    insertNativeEvent(graph.db, library.partner.id, { ...hourAt('2026-06-14T15:00:00Z'), ...overrides });
  const create = async (input: Record<string, unknown>, key = library.key) =>
    graph.execute(CREATE, { input: { partnerId: library.globalId, round: 'IMMEDIATE', serviceArea: 'DIGITAL_LEARNING', ...input } }, { authorization: key });
  const respond = (input: Record<string, unknown>) => graph.execute(RESPOND, { input: { round: 'IMMEDIATE', ...input } });
  const codeOf = (result: Awaited<ReturnType<TestGraph['execute']>>) => result.errors?.[0]?.extensions?.code;

  it('answers an occurrence\'s own survey before its series\', and its series\' before its category\'s', async () => {
    const categoryOnly = await past({ categories: ['Tech Help'] });
    const inSeries = await past({ seriesId: 'survey-series-1', categories: ['tech help'] });
    const ownToo = await past({ seriesId: 'survey-series-1', categories: ['tech help'] });
    expect(codeOf(await create({ category: ' Tech HELP ', serviceArea: 'JOB_SKILLS' }))).toBeUndefined();
    expect(codeOf(await create({ seriesId: 'survey-series-1', serviceArea: 'ECONOMIC_DEVELOPMENT' }))).toBeUndefined();
    const own = await create({ eventId: ownToo.globalId, serviceArea: 'SUMMER_READING' });
    expect(own.data!.createSurvey).toMatchObject({ eventId: ownToo.globalId, seriesId: null, category: null, round: 'IMMEDIATE' });

    const areaOf = async (eventId: string) => (await graph.execute(SURVEY_FOR, { e: eventId, r: 'IMMEDIATE' })).data!.surveyFor?.serviceArea;
    expect(await areaOf(categoryOnly.globalId)).toBe('JOB_SKILLS');
    expect(await areaOf(inSeries.globalId)).toBe('ECONOMIC_DEVELOPMENT');
    expect(await areaOf(ownToo.globalId)).toBe('SUMMER_READING');
    // No FOLLOW_UP round was attached anywhere.
    expect((await graph.execute(SURVEY_FOR, { e: ownToo.globalId, r: 'FOLLOW_UP' })).data!.surveyFor).toBeNull();
    // Another partner's category of the same name is not this partner's.
    const museumEvent = await insertNativeEvent(graph.db, museum.partner.id, { ...hourAt('2026-06-14T15:00:00Z'), categories: ['Tech help'] });
    expect(await areaOf(museumEvent.globalId)).toBeUndefined();
  });

  it('asks four statements on a 1 to 5 scale and the two open questions', async () => {
    const event = await past();
    await create({ eventId: event.globalId, serviceArea: 'EDUCATION_LIFELONG_LEARNING' });
    const { data } = await graph.execute(SURVEY_FOR, { e: event.globalId, r: 'IMMEDIATE' });
    expect(data!.surveyFor).toEqual({
      serviceArea: 'EDUCATION_LIFELONG_LEARNING', round: 'IMMEDIATE',
      statements: [
        'I learned something new.', 'I feel more confident about what I learned.', 'I intend to apply what I learned.',
        'I am more aware of what the library provides for learning.',
      ],
      scaleMin: 1, scaleMax: 5, likedQuestion: 'What did you like most?', improveQuestion: 'What could the library do to help you learn more?',
    });
  });

  it('stores an anonymous answer with nothing that names the respondent', async () => {
    const event = await past();
    const survey = await create({ eventId: event.globalId });
    const result = await respond({ eventId: event.globalId, ratings: [5, null, 3], liked: '  The hands-on part.\nAnd the coffee.  ', improve: '' });
    expect(result).toEqual({ data: { respondToSurvey: true } });
    const rows = await graph.db.getRepository(SurveyResponseEntity).findBy({ eventId: event.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rating1: 5, rating2: null, rating3: 3, rating4: null, liked: 'The hands-on part.\nAnd the coffee.', improve: null,
      createdAt: new Date('2026-06-15T00:00:00Z'),
    });
    expect(survey.data!.createSurvey.id).toBeTruthy();
    // The table has no column a person could be found by.
    const columns = graph.db.getMetadata(SurveyResponseEntity).columns.map((c) => c.databaseName).sort();
    expect(columns).toEqual(['createdAt', 'eventId', 'id', 'improve', 'liked', 'rating1', 'rating2', 'rating3', 'rating4', 'surveyId']);
  });

  it('spends a registrant\'s token once, and keeps only its hash and the day', async () => {
    const event = await past();
    await create({ eventId: event.globalId });
    const token = await graph.services.surveys.issueToken(event.id);
    const stored = await graph.db.getRepository(SurveyTokenEntity).findOneByOrFail({ hash: surveyTokenHash(token) });
    expect(stored).toEqual({ hash: surveyTokenHash(token), eventId: event.id, usedAt: null });

    expect(codeOf(await respond({ eventId: event.globalId, ratings: [4, 4, 4, 4], token }))).toBeUndefined();
    const again = await respond({ eventId: event.globalId, ratings: [1, 1, 1, 1], token });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await graph.db.getRepository(SurveyTokenEntity).findOneByOrFail({ hash: surveyTokenHash(token) }))
      .toMatchObject({ usedAt: new Date('2026-06-15T00:00:00Z') });
    expect(await graph.db.getRepository(SurveyResponseEntity).countBy({ eventId: event.id })).toBe(1);

    const other = await past();
    await create({ eventId: other.globalId });
    const fresh = await graph.services.surveys.issueToken(event.id);
    // A token answers for its own occurrence only; an unknown one is refused as bad input.
    expect(codeOf(await respond({ eventId: other.globalId, ratings: [4], token: fresh }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await respond({ eventId: event.globalId, ratings: [4], token: 'made-up' }))).toBe('BAD_USER_INPUT');
    expect(await graph.db.getRepository(SurveyResponseEntity).countBy({ eventId: other.id })).toBe(0);
  });

  it('refuses ratings off the scale, control characters, long answers and empty answers, naming the argument', async () => {
    const event = await past();
    await create({ eventId: event.globalId });
    const refusal = async (input: Record<string, unknown>) => (await respond({ eventId: event.globalId, ...input })).errors?.[0]?.extensions;
    expect(await refusal({ ratings: [6] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ratings' });
    expect(await refusal({ ratings: [0] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ratings' });
    expect(await refusal({ ratings: [1, 2, 3, 4, 5] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ liked: 'bell\u0007' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ improve: 'next\u0085line' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'improve' });
    expect(await refusal({ liked: 'x'.repeat(1001) })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'liked' });
    expect(await refusal({ ratings: [null], liked: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ratings' });
    expect(await refusal({ liked: ` ${'x'.repeat(1000)} ` })).toBeUndefined();
  });

  it('opens when the occurrence starts, and only where a survey is asked', async () => {
    const future = await past(hourAt('2026-06-20T15:00:00Z'));
    await create({ eventId: future.globalId });
    expect(codeOf(await respond({ eventId: future.globalId, ratings: [5] }))).toBe('CONFLICT');
    const unsurveyed = await past();
    expect(codeOf(await respond({ eventId: unsurveyed.globalId, ratings: [5] }))).toBe('NOT_FOUND');
  });

  it('attaches to exactly one of the partner\'s own occurrences, series or categories, once per round', async () => {
    const event = await past();
    const museumEvent = await insertNativeEvent(graph.db, museum.partner.id, hourAt('2026-06-14T15:00:00Z'));
    expect(codeOf(await create({}))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ eventId: event.globalId, category: 'kids' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ eventId: museumEvent.globalId }))).toBe('NOT_FOUND');
    expect(codeOf(await create({ seriesId: 'no-such-series' }))).toBe('NOT_FOUND');
    expect(codeOf(await create({ category: '   ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ eventId: event.globalId }))).toBeUndefined();
    expect(codeOf(await create({ eventId: event.globalId, serviceArea: 'JOB_SKILLS' }))).toBe('CONFLICT');
    expect(codeOf(await create({ eventId: event.globalId, round: 'FOLLOW_UP' }))).toBeUndefined();
  });

  it('is staff\'s to attach and withdraw; a withdrawn survey keeps its answers', async () => {
    const event = await past();
    expect(codeOf(await graph.execute(CREATE, { input: { partnerId: library.globalId, round: 'IMMEDIATE', serviceArea: 'JOB_SKILLS', eventId: event.globalId } })))
      .toBe('UNAUTHENTICATED');
    expect(codeOf(await create({ eventId: event.globalId }, museum.key))).toBe('FORBIDDEN');
    const id = (await create({ eventId: event.globalId })).data!.createSurvey.id;
    await respond({ eventId: event.globalId, ratings: [5, 5, 5, 5] });
    expect(codeOf(await graph.execute(DELETE, { id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graph.execute(DELETE, { id }, { authorization: museum.key }))).toBe('FORBIDDEN');
    expect((await graph.execute(DELETE, { id }, { authorization: library.key })).data).toEqual({ deleteSurvey: true });
    expect(codeOf(await graph.execute(DELETE, { id }, { authorization: library.key }))).toBe('FORBIDDEN');
    expect((await graph.execute(SURVEY_FOR, { e: event.globalId, r: 'IMMEDIATE' })).data!.surveyFor).toBeNull();
    expect(await graph.db.getRepository(SurveyResponseEntity).countBy({ eventId: event.id })).toBe(1);
  });
});
