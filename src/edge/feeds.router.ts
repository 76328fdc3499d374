import { ErrorRequestHandler, Request, Response, Router } from 'express';
import { renderICalendar } from '../features/embeds/icalendar.render';
import { parseFeedQuery } from '../features/embeds/feed-query';
import { FeedMeta, renderJsonFeed } from '../features/embeds/json-feed.render';
import { corsOrigin, originPolicyFor } from '../features/partners/origin-policy';
import { renderRss } from '../features/embeds/rss.render';
import type { FeedItem, FeedResult } from '../features/embeds/event-feed.service';
import { sendCached } from './cached-response';
import { baseUrlOf, EmbedRouteOptions, failureOf, publicContext, sendPlainError } from './embed-request';

type Format = 'ics' | 'json' | 'rss';

const FORMATS: Record<Format, { type: string; defaultLimit: number; maxLimit: number; maxAgeSeconds: number }> = {
  // Calendar clients poll; a long list is normal for a subscription.
  ics: { type: 'text/calendar; charset=utf-8', defaultLimit: 500, maxLimit: 1000, maxAgeSeconds: 300 },
  // The JSON feed feeds the widget, whose "spots left" should not lag by more than a minute.
  json: { type: 'application/feed+json; charset=utf-8', defaultLimit: 50, maxLimit: 200, maxAgeSeconds: 60 },
  rss: { type: 'application/rss+xml; charset=utf-8', defaultLimit: 50, maxLimit: 200, maxAgeSeconds: 300 },
};

export const icsUrlOf = (base: string) => (item: FeedItem): string => `${base}/feeds/events/${encodeURIComponent(item.globalId)}.ics`;

function metaOf(req: Request, base: string, result: FeedResult): FeedMeta {
  const names = result.partners.map((p) => p.name);
  return {
    title: names.length ? `Events: ${names.join(', ')}` : 'Community events',
    description: names.length ? `Upcoming events from ${names.join(', ')}.` : 'Upcoming events from every partner in the community.',
    homePageUrl: base,
    feedUrl: `${base}${req.originalUrl}`,
    icsUrlOf: icsUrlOf(base),
  };
}

/**
 * /feeds/events.{ics,json,rss}: the EventFilter as query parameters, read through EventFeedService.
 * CORS follows the named partners' allowedOrigins, so the widget's browser request is allowed from a
 * partner's site; error answers allow any origin, so the widget can always show why it failed.
 */
export function feedsRouter(options: EmbedRouteOptions): Router {
  const router = Router();

  const list = (format: Format) => async (req: Request, res: Response) => {
    const spec = FORMATS[format];
    try {
      const ctx = await publicContext(options.deps, req);
      const query = parseFeedQuery(req.query as Record<string, unknown>, spec);
      const result = await options.eventFeeds.list(ctx, query);
      const policy = originPolicyFor(result.partners);
      const allow = corsOrigin(policy, req.headers.origin);
      if (allow) res.set('Access-Control-Allow-Origin', allow);
      if (!policy.any) res.vary('Origin');
      const base = baseUrlOf(req, options.publicUrl);
      const meta = metaOf(req, base, result);
      const body = format === 'ics'
        ? renderICalendar(result.items, { name: meta.title, description: meta.description, url: meta.feedUrl })
        : format === 'json' ? renderJsonFeed(result.items, meta) : renderRss(result.items, meta);
      sendCached(req, res, body, spec);
    } catch (error) {
      res.set('Access-Control-Allow-Origin', '*');
      sendPlainError(res, failureOf(error, options));
    }
  };

  router.get('/feeds/events.ics', list('ics'));
  router.get('/feeds/events.json', list('json'));
  router.get('/feeds/events.rss', list('rss'));

  // "Add to calendar": one event as a download.
  router.get('/feeds/events/:id.ics', async (req: Request, res: Response) => {
    try {
      const ctx = await publicContext(options.deps, req);
      const item = await options.eventFeeds.one(ctx, String(req.params.id));
      const base = baseUrlOf(req, options.publicUrl);
      const body = renderICalendar([item], { name: item.event.title, description: `${item.event.title} (${item.partner.name})`, url: `${base}${req.originalUrl}` });
      const file = item.event.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
      res.set({ 'Content-Disposition': `attachment; filename="${file}.ics"`, 'Access-Control-Allow-Origin': '*' });
      sendCached(req, res, body, FORMATS.ics);
    } catch (error) {
      // Readable from anywhere, like its success: the widget's page may show why it failed.
      res.set('Access-Control-Allow-Origin', '*');
      sendPlainError(res, failureOf(error, options));
    }
  });
  // A path Express cannot decode (e.g. /feeds/events/%E0%A4%A.ics) fails while the route is matched,
  // before any handler runs: answer it like every other bad feed URL (plain 400), not as a 500.
  router.use('/feeds', ((error, _req, res, next) => {
    if (!(error instanceof URIError) && (error as { status?: number }).status !== 400) return next(error);
    res.set('Access-Control-Allow-Origin', '*');
    sendPlainError(res, { status: 400, message: 'The feed URL is not valid: its path has a malformed percent-encoding.' });
  }) as ErrorRequestHandler);
  return router;
}
