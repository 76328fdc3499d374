import { ApiKeyRole, Audience, EventStatus, RegistrationMode, RegistrationStatus } from '../../../src/domain/enums';
import { newId } from '../../../src/domain/ids';
import { ApiKeyService } from '../../../src/features/partners/api-key.service';
import { EventEntity } from '../../../src/model/event.entity';
import { LocationEntity } from '../../../src/model/location.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { SurveyResponseEntity } from '../../../src/model/survey-response.entity';
import { SurveyEntity } from '../../../src/model/survey.entity';
import { ServiceArea, SurveyRound } from '../../../src/domain/survey';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent } from '../../support/native-event';

const IMPACT = `query($from: DateTime!, $to: DateTime!, $partnerIds: [ID!], $groupBy: [ImpactDimension!]) {
  impact(from: $from, to: $to, partnerIds: $partnerIds, groupBy: $groupBy) {
    groupBy
    totals { occurrences registrable registrations cancellations confirmed waitlisted seats attended checkedInOccurrences fillRate noShowRate
      walkIns headCount attendedTotal attendanceByCategory { category count } }
    groups {
      partner { slug } seriesKey seriesTitle category audience month branch { name }
      figures { occurrences registrable registrations cancellations confirmed waitlisted seats attended checkedInOccurrences fillRate noShowRate
        walkIns headCount attendedTotal attendanceByCategory { category count } }
    }
  }
}`;

const NOW = new Date('2026-06-15T12:00:00Z');
const RANGE = { from: '2026-05-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
const hour = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });

/**
 * A fixture town whose figures are worked out by hand in each test: a library (Chicago time) with a
 * two-date storytime, a help session whose start is still May on its own clock, a future talk, a drop-in
 * without registration, a cancelled event and one outside the range; and a museum's workshop.
 */
describeEachBackend('impact reports', (backend) => {
  let graph: TestGraph;
  let library: Awaited<ReturnType<typeof createPartner>>;
  let museum: Awaited<ReturnType<typeof createPartner>>;
  let admin: string;
  let storyEvents: EventEntity[];
  let help: EventEntity;
  let talk: EventEntity;

  async function parties(event: EventEntity, sizes: number[], status: RegistrationStatus, came: Partial<RegistrationEntity>[] = []): Promise<void> {
    await graph.db.getRepository(RegistrationEntity).insert(sizes.map((partySize, i) => ({
      id: newId(), eventId: event.id, name: `Person ${i}`, email: `p${i}-${newId().slice(0, 6)}@example.org`, partySize, status,
      waitlistPosition: status === RegistrationStatus.WAITLISTED ? i + 1 : null, invitedUntil: null, cancelTokenHash: 'x'.repeat(64),
      idempotencyKeyHash: null, attended: false, party: null, attendedParty: null, createdAt: NOW, updatedAt: NOW, ...came[i],
    })));
  }
  const adultAndChild = [{ category: 'adults', count: 1 }, { category: 'children', count: 1 }];

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => NOW });
    library = await createPartner(graph.db, 'impact-library');
    museum = await createPartner(graph.db, 'impact-museum');
    admin = `Bearer ${(await new ApiKeyService(graph.db).create({ role: ApiKeyRole.ADMIN, partnerId: null, label: 'impact admin' })).secret}`;
    await graph.db.getRepository(LocationEntity).insert({
      id: 'impact-branch', partnerId: library.partner.id, code: 'EAST', name: 'East branch', address: null, lat: null, lon: null, accessibility: null,
    });
    const add = (partnerId: string, title: string, fields: Partial<EventEntity>) => insertNativeEvent(graph.db, partnerId, { title, ...fields });
    const L = library.partner.id;
    storyEvents = [
      await add(L, 'Storytime', {
        ...hour('2026-05-05T15:00:00Z'), seriesId: 'story', capacity: 10, confirmedCount: 8, attendedCount: 6,
        categories: ['Kids', 'Reading'], audiences: [Audience.KIDS], locationId: 'impact-branch',
        walkIns: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }],
      }),
      await add(L, 'Storytime', {
        ...hour('2026-05-12T15:00:00Z'), seriesId: 'story', capacity: 10, confirmedCount: 10, waitlistedCount: 2,
        categories: ['kids'], audiences: [Audience.KIDS], locationId: 'impact-branch',
      }),
    ];
    // Six of eight came: a family whole (1 adult, 1 child), one of the same makeup's child only, a plain pair whole
    // (uncategorised) and one adult of another plain pair.
    await parties(storyEvents[0], [2, 2, 2, 2], RegistrationStatus.CONFIRMED, [
      { attended: true, party: adultAndChild }, { attended: true, party: adultAndChild, attendedParty: [{ category: 'children', count: 1 }] },
      { attended: true }, { attended: true, attendedParty: [{ category: 'adults', count: 1 }] },
    ]);
    await parties(storyEvents[0], [1], RegistrationStatus.CANCELLED);
    await parties(storyEvents[1], [5, 5], RegistrationStatus.CONFIRMED);
    await parties(storyEvents[1], [2], RegistrationStatus.WAITLISTED);
    // 22:00 on 31 May in Chicago: May on the event's own clock.
    help = await add(L, 'Tech help', { ...hour('2026-06-01T03:00:00Z'), capacity: 4, confirmedCount: 4, attendedCount: 3, audiences: [Audience.ADULTS, Audience.SENIORS] });
    await parties(help, [1, 1, 1, 1], RegistrationStatus.CONFIRMED, [{ attended: true }, { attended: true }, { attended: true }]);
    await parties(help, [1, 1], RegistrationStatus.CANCELLED);
    talk = await add(L, 'Author talk', { ...hour('2026-06-20T23:00:00Z'), capacity: 50, confirmedCount: 20, categories: ['Reading'], audiences: [Audience.ADULTS] });
    await parties(talk, [10, 10], RegistrationStatus.CONFIRMED);
    await add(L, 'Drop-in games', {
      ...hour('2026-06-03T20:00:00Z'), registrationMode: RegistrationMode.NONE, capacity: null,
      headCount: [{ category: 'adults', count: 5 }, { category: 'children', count: 7 }],
    });
    const cancelled = await add(L, 'Called off', { ...hour('2026-06-02T20:00:00Z'), status: EventStatus.CANCELLED, capacity: 10, confirmedCount: 1 });
    await parties(cancelled, [1], RegistrationStatus.CONFIRMED);
    // 18:00 on 30 April in Chicago, and before the range in UTC too.
    await add(L, 'Before the range', { ...hour('2026-04-30T23:00:00Z'), capacity: 10, confirmedCount: 10, attendedCount: 10 });
    const workshop = await add(museum.partner.id, 'Gallery workshop', {
      ...hour('2026-05-20T16:00:00Z'), capacity: 12, confirmedCount: 9, attendedCount: 9, categories: ['Art'], audiences: [Audience.FAMILIES],
      walkIns: [{ category: 'teens', count: 1 }],
    });
    const parent = { attended: true, party: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }] };
    await parties(workshop, [3, 3, 3], RegistrationStatus.CONFIRMED, [parent, parent, parent]);
  });
  afterAll(() => graph.close());

  /** The report as `key` reads it (null: the public). */
  const report = (variables: Record<string, unknown>, key: string | null = admin) =>
    graph.execute(IMPACT, { ...RANGE, ...variables }, key ? { authorization: key } : {});

  it('totals every partner\'s occurrences in the range for an admin, each counted once', async () => {
    const result = await report({});
    expect(result.errors).toBeUndefined();
    // Storytime ×2, Tech help, Author talk, Drop-in, Gallery workshop; the cancelled event and the one before the range are left out.
    expect(result.data!.impact.totals).toEqual({
      occurrences: 6, registrable: 5, registrations: 16, cancellations: 3, confirmed: 51, waitlisted: 2, seats: 86, attended: 18,
      // Ended with check-ins: the first storytime (8 → 6), Tech help (4 → 3), the workshop (9 → 9).
      checkedInOccurrences: 3, fillRate: 51 / 86, noShowRate: 1 - 18 / 21,
      // Walk-ins: 3 at the first storytime, 1 at the workshop; the drop-in's head count of 12.
      walkIns: 4, headCount: 12, attendedTotal: 18 + 4 + 12,
      attendanceByCategory: [
        // Storytime 1 + 1 checked in, 1 walked in; the workshop's 3 parents; the drop-in's 5.
        { category: 'adults', count: 2 + 1 + 3 + 5 },
        // Storytime 1 + 1 checked in, 2 walked in; the workshop's 6; the drop-in's 7.
        { category: 'children', count: 2 + 2 + 6 + 7 },
        { category: 'teens', count: 1 },
        // The storytime's plain pair and Tech help's three, checked in whole without a makeup.
        { category: 'uncategorised', count: 2 + 3 },
      ],
    });
    expect(result.data!.impact.groups).toEqual([]);
  });

  it('breaks a partner\'s own report down by month on each occurrence\'s clock', async () => {
    const result = await report({ groupBy: ['MONTH'] }, library.key);
    expect(result.errors).toBeUndefined();
    const { totals, groups } = result.data!.impact;
    expect(totals.occurrences).toBe(5);
    expect(groups.map((g: any) => [g.month, g.figures])).toEqual([
      ['2026-05', {
        occurrences: 3, registrable: 3, registrations: 11, cancellations: 3, confirmed: 22, waitlisted: 2, seats: 24, attended: 9,
        checkedInOccurrences: 2, fillRate: 22 / 24, noShowRate: 0.25, walkIns: 3, headCount: 0, attendedTotal: 12,
        attendanceByCategory: [{ category: 'adults', count: 3 }, { category: 'children', count: 4 }, { category: 'uncategorised', count: 5 }],
      }],
      ['2026-06', {
        occurrences: 2, registrable: 1, registrations: 2, cancellations: 0, confirmed: 20, waitlisted: 0, seats: 50, attended: 0,
        checkedInOccurrences: 0, fillRate: 0.4, noShowRate: null, walkIns: 0, headCount: 12, attendedTotal: 12,
        attendanceByCategory: [{ category: 'adults', count: 5 }, { category: 'children', count: 7 }],
      }],
    ]);
    expect(groups.every((g: any) => g.partner === null && g.category === null && g.seriesKey === null)).toBe(true);
  });

  it('counts an occurrence in each of its categories, and those without one in a null group', async () => {
    const result = await report({ groupBy: ['CATEGORY'], partnerIds: [library.globalId] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.impact.groups.map((g: any) => [g.category, g.figures.occurrences, g.figures.confirmed])).toEqual([
      ['kids', 2, 18], ['reading', 2, 28], [null, 2, 4],
    ]);
  });

  it('crosses dimensions: program and branch, partner and audience', async () => {
    const bySeries = await report({ groupBy: ['SERIES', 'BRANCH'], partnerIds: [library.globalId] });
    expect(bySeries.errors).toBeUndefined();
    const story = bySeries.data!.impact.groups.find((g: any) => g.seriesKey === 'story');
    expect(story).toMatchObject({ seriesTitle: 'Storytime', branch: { name: 'East branch' }, figures: { occurrences: 2, confirmed: 18, attended: 6 } });
    expect(bySeries.data!.impact.groups).toHaveLength(4);

    const byPartner = await report({ groupBy: ['PARTNER', 'AUDIENCE'] });
    const rows = byPartner.data!.impact.groups.map((g: any) => [g.partner.slug, g.audience, g.figures.occurrences]);
    expect(rows.sort()).toEqual([
      ['impact-library', 'ADULTS', 2], ['impact-library', 'KIDS', 2], ['impact-library', 'SENIORS', 1], ['impact-library', null, 1],
      ['impact-museum', 'FAMILIES', 1],
    ].sort());
  });

  describe('with outcome surveys', () => {
    const SURVEYED = `query($from: DateTime!, $to: DateTime!, $partnerIds: [ID!], $groupBy: [ImpactDimension!]) {
      impact(from: $from, to: $to, partnerIds: $partnerIds, groupBy: $groupBy) {
        totals { surveyResponses surveySuppressed agreement { outcome agreeShare answered } }
        groups { serviceArea figures { occurrences surveyResponses surveySuppressed agreement { agreeShare answered } } }
      }
    }`;
    const surveyed = (variables: Record<string, unknown>, key: string = admin) => graph.execute(SURVEYED, { ...RANGE, ...variables }, { authorization: key });

    beforeAll(async () => {
      const survey = (serviceArea: ServiceArea, round: SurveyRound, target: Partial<SurveyEntity>) => graph.db.getRepository(SurveyEntity).insert({
        id: newId(), partnerId: library.partner.id, serviceArea, round, eventId: null, seriesId: null, category: null, createdAt: NOW, ...target,
      });
      // The series' survey wins over the category's for the storytimes (one of which is in Reading); Tech help asks a follow-up only.
      await survey(ServiceArea.EARLY_CHILDHOOD_LITERACY, SurveyRound.IMMEDIATE, { seriesId: 'story' });
      await survey(ServiceArea.EDUCATION_LIFELONG_LEARNING, SurveyRound.IMMEDIATE, { category: 'reading' });
      await survey(ServiceArea.DIGITAL_LEARNING, SurveyRound.FOLLOW_UP, { eventId: help.id });
      const answers = (event: EventEntity, ratings: Array<Array<number | null>>) => graph.db.getRepository(SurveyResponseEntity).insert(ratings.map(([rating1, rating2, rating3, rating4]) => ({
        id: newId(), surveyId: 'any', eventId: event.id, rating1, rating2, rating3, rating4, liked: 'Fun', improve: null, createdAt: NOW,
      })));
      await answers(storyEvents[0], [[5, 4, 3, null], [4, 4, 2, 5], [2, null, 5, 5], [5, 5, 5, 5]]);
      await answers(storyEvents[1], [[1, 1, 1, 1], [4, 3, null, 4]]);
      await answers(help, [[5, 5, 5, 5], [5, 5, 5, 5], [5, 5, 5, 5]]);
      await answers(talk, [[4, 4, 4, 4]]);
    });

    it('shows the share agreeing (4 or 5) per statement over every response', async () => {
      const result = await surveyed({});
      expect(result.errors).toBeUndefined();
      // Statement 1: 5 4 2 5 | 1 4 | 5 5 5 | 4: ten given, eight agree. Statement 2: 4 4 · 5 | 1 3 | 5 5 5 | 4: nine, seven.
      // Statement 3: 3 2 5 5 | 1 · | 5 5 5 | 4: nine, six. Statement 4: · 5 5 5 | 1 4 | 5 5 5 | 4: nine, eight.
      expect(result.data!.impact.totals).toEqual({
        surveyResponses: 10, surveySuppressed: false,
        agreement: [
          { outcome: 'knowledge', agreeShare: 0.8, answered: 10 }, { outcome: 'confidence', agreeShare: 7 / 9, answered: 9 },
          { outcome: 'application', agreeShare: 6 / 9, answered: 9 }, { outcome: 'awareness', agreeShare: 8 / 9, answered: 9 },
        ],
      });
    });

    it('groups occurrences by their survey\'s service area, suppressing groups of fewer than five responses (null, never zero)', async () => {
      const result = await surveyed({ groupBy: ['SERVICE_AREA'], partnerIds: [library.globalId] });
      expect(result.errors).toBeUndefined();
      const suppressed = (answered: number) => Array(4).fill({ agreeShare: null, answered });
      expect(result.data!.impact.groups).toEqual([
        // The storytimes: 5 4 2 5 1 4 → 4 of 6; 4 4 5 1 3 → 3 of 5; 3 2 5 5 1 → 2 of 5; 5 5 5 1 4 → 4 of 5.
        { serviceArea: 'EARLY_CHILDHOOD_LITERACY', figures: { occurrences: 2, surveyResponses: 6, surveySuppressed: false, agreement: [
          { agreeShare: 4 / 6, answered: 6 }, { agreeShare: 0.6, answered: 5 }, { agreeShare: 0.4, answered: 5 }, { agreeShare: 0.8, answered: 5 },
        ] } },
        { serviceArea: 'DIGITAL_LEARNING', figures: { occurrences: 1, surveyResponses: 3, surveySuppressed: true, agreement: suppressed(3) } },
        { serviceArea: null, figures: { occurrences: 1, surveyResponses: 0, surveySuppressed: true, agreement: suppressed(0) } },
        { serviceArea: 'EDUCATION_LIFELONG_LEARNING', figures: { occurrences: 1, surveyResponses: 1, surveySuppressed: true, agreement: suppressed(1) } },
      ]);
    });

    it('keeps a partner without responses suppressed rather than at zero', async () => {
      const result = await surveyed({}, museum.key);
      expect(result.data!.impact.totals).toEqual({
        surveyResponses: 0, surveySuppressed: true,
        agreement: ['knowledge', 'confidence', 'application', 'awareness'].map((outcome) => ({ outcome, agreeShare: null, answered: 0 })),
      });
    });
  });

  it('reads in a fixed number of statements however many occurrences the range holds', async () => {
    const narrow = await graph.sql.measure(() => report({ groupBy: ['PARTNER', 'MONTH'], from: '2026-05-01T00:00:00Z', to: '2026-05-08T00:00:00Z' }));
    const wide = await graph.sql.measure(() => report({ groupBy: ['PARTNER', 'MONTH'] }));
    expect(wide.result.data!.impact.totals.occurrences).toBeGreaterThan(narrow.result.data!.impact.totals.occurrences);
    expect(wide.statements).toBe(narrow.statements);
  });

  it('is for staff only, each partner over its own programs', async () => {
    expect((await report({}, null)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const other = await report({ partnerIds: [museum.globalId] }, library.key);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    const own = await report({}, museum.key);
    expect(own.data!.impact.totals).toMatchObject({
      occurrences: 1, confirmed: 9, attended: 9, walkIns: 1, attendedTotal: 10,
      attendanceByCategory: [{ category: 'adults', count: 3 }, { category: 'children', count: 6 }, { category: 'teens', count: 1 }],
    });
  });

  it('refuses a range that ends before it starts or spans more than 400 days, naming the argument', async () => {
    const backwards = await report({ from: RANGE.to, to: RANGE.from });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const long = await report({ from: '2025-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(long.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const badId = await report({ partnerIds: ['not-an-id'] });
    expect(badId.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
