import path from 'node:path';
import { Request, Response, Router } from 'express';
import { renderEmbedError, renderEmbedPage, STYLE_HASH_SOURCE } from '../features/embeds/embed-page.render';
import { parseFeedQuery } from '../features/embeds/feed-query';
import { frameAncestors, OriginPolicy, originPolicyFor } from '../features/partners/origin-policy';
import { sendCached } from './cached-response';
import { baseUrlOf, EmbedRouteOptions, failureOf, publicContext } from './embed-request';
import { icsUrlOf } from './feeds.router';
import { PROJECT_ROOT } from '../project-root';

/**
 * Headers for a page meant to live in partners' iframes: a CSP with no script at all, one hashed
 * inline style, and frame-ancestors from Partner.allowedOrigins (which is why there is no X-Frame-Options:
 * it cannot list several origins, and CSP frame-ancestors supersedes it in every current browser).
 */
function securityHeaders(res: Response, policy: OriginPolicy): void {
  res.set({
    'Content-Security-Policy': [
      "default-src 'none'", `style-src ${STYLE_HASH_SOURCE}`, 'img-src https: data:', "base-uri 'none'",
      "form-action 'self'", `frame-ancestors ${frameAncestors(policy)}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  });
}

/** /embed/events: the widget's list rendered on the server, for an <iframe>, with schema.org JSON-LD. */
export function embedRouter(options: EmbedRouteOptions): Router {
  const router = Router();
  router.get('/embed/events', async (req: Request, res: Response) => {
    try {
      const ctx = await publicContext(options.deps, req);
      const query = parseFeedQuery(req.query as Record<string, unknown>, { defaultLimit: 20, maxLimit: 100 });
      const result = await options.eventFeeds.list(ctx, query);
      const base = baseUrlOf(req, options.publicUrl);
      const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const names = result.partners.map((p) => p.name);
      const html = renderEmbedPage(result.items, {
        heading: names.length ? `Upcoming events: ${names.join(', ')}` : 'Upcoming community events',
        pageUrl: `${base}${req.originalUrl}`,
        icsUrlOf: icsUrlOf(base),
        calendarUrl: `${base}/feeds/events.ics${search}`,
      });
      securityHeaders(res, originPolicyFor(result.partners));
      sendCached(req, res, html, { type: 'text/html; charset=utf-8', maxAgeSeconds: 60 });
    } catch (error) {
      const failure = failureOf(error, options);
      securityHeaders(res, { any: true });
      res.status(failure.status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .send(renderEmbedError(failure.message));
    }
  });

  // The JSON Feed extension's "about" link and the widget's banner point here.
  router.get('/docs/embedding', (_req: Request, res: Response) => {
    res.type('text/markdown; charset=utf-8').set('Cache-Control', 'public, max-age=3600')
      .sendFile(path.join(PROJECT_ROOT, 'docs/embedding.md'));
  });
  return router;
}
