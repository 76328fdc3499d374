import express, { Request, RequestHandler, Response, Router } from 'express';
import helmet from 'helmet';
import { DomainError, ErrorCode } from '../domain/errors';
import { toGlobalId } from '../domain/global-id';
import { MAX_OPEN_ANSWER_LENGTH, SurveyRound } from '../domain/survey';
import { surveyPagePath } from '../domain/survey-link';
import { whenText } from '../features/embeds/event-display';
import type { SurveyLinkService } from '../features/surveys/survey-link.service';
import type { SurveyService } from '../features/surveys/survey.service';
import { surveyQuestions } from '../features/surveys/survey-view';
import { sendCached } from './cached-response';
import { baseUrlOf, EmbedRouteOptions, publicContext } from './embed-request';
import { qrSvg } from './survey/survey-qr.svg';
import { RateLimits, rateLimitMessage } from './rate-limit/rate-limit';
import { EMPTY_FORM, parseSurveyForm, SurveyFormValues } from './survey/survey-form';
import { messagePage, SURVEY_CSS, SurveyPageEvent, surveyFormPage, thankYouPage } from './survey/survey-page.render';
import { surveyErrorWords } from './survey/survey-error-words';

export interface SurveyPageOptions extends EmbedRouteOptions {
  surveys: SurveyService;
  surveyLinks: SurveyLinkService;
  /** The register budget respondToSurvey spends; absent in bare test servers. */
  rateLimits?: RateLimits;
}

/**
 * The public pages' headers (helmet) with a CSP for a page without any script: our stylesheet, and
 * forms that post only back to us. No referrer: a registrant's link carries its token in the URL.
 */
const surveyPageHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'"], formAction: ["'self'"],
      frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
});

/** Two answers of 1,000 characters, each percent-encoded UTF-8 (up to 9 bytes a character), and the rest. */
const FORM_BODY_LIMIT = '24kb';
const formBody = express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: 20 });

const STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.NOT_FOUND]: 404, [ErrorCode.CONFLICT]: 409 };
const NO_STORE = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

const sendPage = (res: Response, status: number, html: string) => res.status(status).set(NO_STORE).send(html);

function roundOf(req: Request): SurveyRound {
  const round = req.query.round;
  if (round === undefined) return SurveyRound.IMMEDIATE;
  if (round === SurveyRound.IMMEDIATE || round === SurveyRound.FOLLOW_UP) return round;
  throw new DomainError(ErrorCode.BAD_USER_INPUT, 'This address names no survey round: "round" is IMMEDIATE or FOLLOW_UP.');
}

/**
 * /s/<code>: an occurrence's survey as a page that needs no JavaScript (docs/impact.md, "Outcome
 * surveys"). GET shows the form (a registrant's ?token= rides along as a hidden field); POST answers
 * through the same SurveyService.respond as respondToSurvey, spending the same register budget, and
 * shows thanks, or the form again with the reason and the answers kept.
 */
export function surveyPageRouter(options: SurveyPageOptions): Router {
  const router = Router();

  /** The occurrence, its survey and the page's own path; a DomainError (404) when any is missing. */
  async function surveyAt(req: Request) {
    const round = roundOf(req);
    const event = await options.surveyLinks.eventOf(String(req.params.code));
    if (!event) throw new DomainError(ErrorCode.NOT_FOUND, 'There is no survey at this address. Check the link, or ask the library for it.');
    const ctx = await publicContext(options.deps, req);
    const globalId = toGlobalId('Event', event.id);
    const item = await options.eventFeeds.one(ctx, globalId);
    const page: SurveyPageEvent = { title: item.event.title, when: whenText(item), partnerName: item.partner.name };
    const survey = await options.surveys.surveyFor(globalId, round);
    if (!survey) throw new DomainError(ErrorCode.NOT_FOUND, `${item.event.title} asks no survey${round === SurveyRound.FOLLOW_UP ? ' in this round' : ''}.`, { page });
    const action = surveyPagePath(String(req.params.code)) + (round === SurveyRound.IMMEDIATE ? '' : `?round=${round}`);
    return { ctx, round, eventId: event.id, globalId, page, questions: surveyQuestions(survey), action };
  }

  type SurveyAt = Awaited<ReturnType<typeof surveyAt>>;
  const formPage = (at: SurveyAt, values: SurveyFormValues, error: string | null) => surveyFormPage(
    { event: at.page, questions: at.questions, action: at.action, token: values.token, values, error }, MAX_OPEN_ANSWER_LENGTH,
  );

  function refusal(res: Response, error: unknown, title: string): void {
    if (!(error instanceof DomainError)) {
      options.deps.logger.error({ err: error }, 'survey page failed');
      sendPage(res, 500, messagePage(title, 'Something went wrong on our side. Please try again later.'));
      return;
    }
    const page = (error.details.page as SurveyPageEvent | undefined) ?? null;
    sendPage(res, STATUS[error.code] ?? 400, messagePage(title, error.message, page));
  }

  router.get('/s/survey.css', (req, res) => sendCached(req, res, SURVEY_CSS, { type: 'text/css; charset=utf-8', maxAgeSeconds: 300 }));

  // Before /s/:code, which would take "<code>.svg" for a code. The image never changes for a code (unless
  // PUBLIC_URL does), so it caches for a day: print runs and slides ask for it again and again.
  router.get('/s/:code.svg', surveyPageHeaders, async (req: Request, res: Response) => {
    try {
      const code = String(req.params.code);
      if (!(await options.surveyLinks.eventOf(code))) throw new DomainError(ErrorCode.NOT_FOUND, 'There is no survey at this address.');
      const url = baseUrlOf(req, options.publicUrl) + surveyPagePath(code);
      sendCached(req, res, qrSvg(url), { type: 'image/svg+xml; charset=utf-8', maxAgeSeconds: 86_400 });
    } catch (error) {
      refusal(res, error, 'Survey QR code');
    }
  });

  router.get('/s/:code', surveyPageHeaders, async (req: Request, res: Response) => {
    try {
      const at = await surveyAt(req);
      const token = typeof req.query.token === 'string' && req.query.token ? req.query.token : null;
      if (token) {
        const used = await options.surveys.tokenUsed(at.eventId, token);
        if (used !== false) {
          sendPage(res, used ? 409 : 400, messagePage('Survey link', used
            ? 'This survey link was already used: each link answers once. Thank you for answering!'
            : 'This survey link is not one of this event\'s. Check the link in your mail.', at.page));
          return;
        }
      }
      const html = formPage(at, { ...EMPTY_FORM, token }, null);
      // A registrant's page holds their token: never kept by a cache. The drop-in page is the same for everyone.
      if (token) sendPage(res, 200, html);
      else res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=60' }).send(html);
    } catch (error) {
      refusal(res, error, 'Survey');
    }
  });

  router.post('/s/:code', surveyPageHeaders, (req, res, next) => formBody(req, res, (error?: unknown) => {
    if (!error) return next();
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    sendPage(res, tooLarge ? 413 : 400, messagePage('Survey', tooLarge ? 'The answers were too long to send. Please shorten them.' : 'The answers could not be read. Please send the form again.'));
  }), async (req: Request, res: Response) => {
    let values: SurveyFormValues = EMPTY_FORM;
    let at: SurveyAt;
    try {
      at = await surveyAt(req);
    } catch (error) {
      refusal(res, error, 'Survey');
      return;
    }
    try {
      values = parseSurveyForm(req.body);
      if (options.rateLimits) {
        const decision = await options.rateLimits.consume('register', req.ip ?? 'unknown');
        if (!decision.allowed) {
          res.set('Retry-After', String(decision.retryAfterSeconds));
          sendPage(res, 429, formPage(at, values, `Too many answers from this address for now. Please try again in ${decision.retryAfterSeconds} seconds.`));
          options.deps.logger.info({ limit: decision.limit }, rateLimitMessage(decision));
          return;
        }
      }
      await options.surveys.respond(at.ctx, {
        eventId: at.globalId, round: at.round, ratings: values.ratings, liked: values.liked, improve: values.improve, token: values.token,
      });
      sendPage(res, 200, thankYouPage(at.page));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === ErrorCode.NOT_FOUND) {
        refusal(res, error, 'Survey');
        return;
      }
      const status = STATUS[error.code] ?? 400;
      sendPage(res, status, formPage(at, values, surveyErrorWords(error)));
    }
  });
  return router;
}
