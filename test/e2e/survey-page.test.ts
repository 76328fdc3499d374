import { ServiceArea, SurveyRound } from '../../src/domain/survey';
import { newId } from '../../src/domain/ids';
import { SurveyEntity } from '../../src/model/survey.entity';
import { SurveyResponseEntity } from '../../src/model/survey-response.entity';
import { SurveyLinkEntity } from '../../src/model/survey-link.entity';
import { describeEachBackend } from '../support/backends';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const HOUR = 3_600_000;
/** An occurrence that ended an hour ago: its survey is open. */
const justEnded = () => ({ startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - HOUR) });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describeEachBackend('the public survey page /s/<code>', (backend) => {
  let server: TestServer;
  let partner: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false });
    partner = await createPartner(server.app.db, 'survey-page-library');
  });
  afterAll(() => server?.close());

  /** A just-ended occurrence asking a DIGITAL_LEARNING survey (or none), and its short code. */
  async function surveyed(options: { survey?: boolean; title?: string } = {}) {
    const db = server.app.db;
    const event = await insertNativeEvent(db, partner.partner.id, { ...justEnded(), title: options.title ?? 'Phone basics' });
    if (options.survey ?? true) {
      await db.getRepository(SurveyEntity).insert({
        id: newId(), partnerId: partner.partner.id, serviceArea: ServiceArea.DIGITAL_LEARNING, round: SurveyRound.IMMEDIATE,
        eventId: event.id, seriesId: null, category: null, createdAt: new Date(),
      });
    }
    const code = await server.app.services.surveyLinks.codeFor(event.id, new Date());
    return { event, code, url: `${server.app.url}/s/${code}` };
  }
  const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const responses = (eventId: string) => server.app.db.getRepository(SurveyResponseEntity).findBy({ eventId });

  it('gives each occurrence one short code, the same on every ask, even when asked at once', async () => {
    const { event, code } = await surveyed();
    expect(code).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const again = await Promise.all([1, 2, 3].map(() => server.app.services.surveyLinks.codeFor(event.id, new Date())));
    expect(again).toEqual([code, code, code]);
    const other = await insertNativeEvent(server.app.db, partner.partner.id, justEnded());
    const racing = await Promise.all([1, 2, 3, 4].map(() => server.app.services.surveyLinks.codeFor(other.id, new Date())));
    expect(new Set(racing).size).toBe(1);
    expect(racing[0]).not.toBe(code);
    expect(await server.app.db.getRepository(SurveyLinkEntity).countBy({ eventId: other.id })).toBe(1);
  });

  it('serves the survey as a form without script: title, date, four labelled 5-point groups, two bounded texts', async () => {
    const { url } = await surveyed({ title: 'Phone <basics>' });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain('<h1>How was Phone &lt;basics&gt;?</h1>');
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<p class="when">\w{3}, \w{3} \d+, \d{4}, /);
    expect(html.match(/<fieldset/g)).toHaveLength(4);
    expect(html).toContain('<legend>1. I learned a new digital skill.</legend>');
    const radios = [...html.matchAll(/<input type="radio" id="([^"]+)" name="(rating[1-4])" value="([1-5])">/g)];
    expect(radios).toHaveLength(20);
    for (const [, id] of radios) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<textarea id="liked" name="liked" rows="4" maxlength="1000">');
    expect(html).toContain('<textarea id="improve" name="improve" rows="4" maxlength="1000">');
    expect(html).toMatch(/<form method="post" action="\/s\/[A-Za-z0-9_-]{8}">/);
    const css = await fetch(`${server.app.url}/s/survey.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('stores a posted answer anonymously and thanks, uncached', async () => {
    const { event, url } = await surveyed();
    const response = await post(url, form({ rating1: '5', rating3: '2', liked: '  The hands-on part.  ', improve: '' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<h1>Thank you!</h1>');
    const rows = await responses(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating1: 5, rating2: null, rating3: 2, rating4: null, liked: 'The hands-on part.', improve: null });
  });

  it('shows a refused answer again with the reason in words and what was typed kept', async () => {
    const { event, url } = await surveyed();
    const empty = await post(url, form({ liked: '   ' }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('<p class="error" role="alert">Nothing was answered: choose a point of the scale for at least one statement, or write an answer.</p>');

    const offScale = await post(url, form({ rating1: '4', rating2: '7', liked: 'Loved <it> & more' }));
    expect(offScale.status).toBe(400);
    const html = await offScale.text();
    expect(html).toContain('role="alert">Each rating is one of the five points of the scale.</p>');
    expect(html).toContain('<input type="radio" id="rating1-4" name="rating1" value="4" checked>');
    expect(html).toContain('maxlength="1000">Loved &lt;it&gt; &amp; more</textarea>');

    const control = await post(url, form({ improve: 'bell\u0007' }));
    expect(control.status).toBe(400);
    expect(await control.text()).toContain('Answers are plain text of at most 1000 characters.');
    const tooLong = await post(url, form({ improve: 'x'.repeat(1001) }));
    expect(tooLong.status).toBe(400);
    expect(await responses(event.id)).toHaveLength(0);
  });

  it('carries a registrant\'s token as a hidden field, spends it once, and says when it was used', async () => {
    const { event, url } = await surveyed();
    const token = await server.app.services.surveys.issueToken(event.id);
    const page = await fetch(`${url}?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`<input type="hidden" name="token" value="${token}">`);

    expect((await post(url, form({ rating1: '4', token }))).status).toBe(200);
    const reused = await post(url, form({ rating1: '1', token, liked: 'again' }));
    expect(reused.status).toBe(409);
    const html = await reused.text();
    expect(html).toContain('role="alert">This survey link was already used; each link answers once.</p>');
    expect(html).toContain('>again</textarea>');
    const revisit = await fetch(`${url}?token=${token}`);
    expect(revisit.status).toBe(409);
    expect(await revisit.text()).toContain('This survey link was already used: each link answers once.');
    expect(await responses(event.id)).toHaveLength(1);

    const foreign = await post(url, form({ rating1: '3', token: 'made-up' }));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('This survey link is not one of this event&#39;s.');
  });

  it('answers 404 pages for an occurrence without a survey, an unknown code, and another round', async () => {
    const { url } = await surveyed({ survey: false, title: 'Quiet hour' });
    const none = await fetch(url);
    expect(none.status).toBe(404);
    expect(none.headers.get('cache-control')).toBe('no-store');
    expect(await none.text()).toContain('role="alert">Quiet hour asks no survey.</p>');
    expect((await post(url, form({ rating1: '3' }))).status).toBe(404);
    for (const path of ['/s/AAAAAAAA', '/s/short', '/s/%3Cscript%3E']) {
      const unknown = await fetch(`${server.app.url}${path}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('There is no survey at this address.');
    }
    const { url: surveyedUrl } = await surveyed();
    expect((await fetch(`${surveyedUrl}?round=FOLLOW_UP`)).status).toBe(404);
    expect((await fetch(`${surveyedUrl}?round=LATER`)).status).toBe(400);
  });
});

describe('the survey page spends the register budget [sqlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: false, env: { RATE_LIMIT_REGISTER_PER_IP: '2' } });
  });
  afterAll(() => server?.close());

  it('refuses the third answer from one address with 429 and the form kept', async () => {
    const { partner } = await createPartner(server.app.db, 'survey-budget');
    const event = await insertNativeEvent(server.app.db, partner.id, justEnded());
    await server.app.db.getRepository(SurveyEntity).insert({
      id: newId(), partnerId: partner.id, serviceArea: ServiceArea.JOB_SKILLS, round: SurveyRound.IMMEDIATE,
      eventId: event.id, seriesId: null, category: null, createdAt: new Date(),
    });
    const url = `${server.app.url}/s/${await server.app.services.surveyLinks.codeFor(event.id, new Date())}`;
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ rating2: '5', liked: 'kept' }) });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const third = await send();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await third.text();
    expect(html).toMatch(/role="alert">Too many answers from this address for now\. Please try again in \d+ seconds\.<\/p>/);
    expect(html).toContain('>kept</textarea>');
    expect(await server.app.db.getRepository(SurveyResponseEntity).countBy({ eventId: event.id })).toBe(2);
  });
});
