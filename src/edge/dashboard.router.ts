import path from 'node:path';
import { Request, Response, Router } from 'express';
import { buildDashboard } from './browser/dashboard-bundle';
import { DASHBOARD_CSS, DASHBOARD_HTML } from './browser/dashboard-page.render';
import { DomainError, ErrorCode, InvalidArgumentError } from '../domain/errors';
import { sendCached } from './cached-response';
import { pageScriptHandler } from './page-script.handler';
import { staffPageHeaders } from './staff-page-headers';
import { EmbedRouteOptions, failureOf, publicContext } from './embed-request';
import { htmlEscape } from '../domain/html-escape';

/** chart.js 4's UMD build, served from the installed package (no CDN; the page works offline). */
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

/** What /dashboard's own URL may carry: the filters the page reads (bookmarkable views). */
const DASHBOARD_PARAMETERS = ['partner', 'from', 'to', 'program'];

/** /dashboard (optionally ?partner=slug&from=&to=&program=): live registration counts for program staff. */
export function dashboardRouter(options: EmbedRouteOptions): Router {
  const router = Router();
  router.get('/dashboard', staffPageHeaders, async (req: Request, res: Response) => {
    try {
      const unknown = Object.keys(req.query).filter((k) => !DASHBOARD_PARAMETERS.includes(k) && !k.startsWith('_'));
      if (unknown.length) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown query parameter "${unknown[0]}". The dashboard takes "partner" (a partner slug), "from" and "to" (dates, YYYY-MM-DD) and "program".`);
      }
      for (const name of ['from', 'to']) {
        const date = req.query[name];
        if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
          throw new InvalidArgumentError(name, date, 'a date such as 2026-12-01');
        }
      }
      const program = req.query.program;
      if (program !== undefined && (typeof program !== 'string' || program.length > 200)) throw new InvalidArgumentError('program', program, 'one program key');
      const partner = req.query.partner;
      if (partner !== undefined) {
        if (typeof partner !== 'string' || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(partner)) {
          throw new InvalidArgumentError('partner', partner, 'one partner slug (lowercase letters, digits and hyphens)');
        }
        const ctx = await publicContext(options.deps, req);
        await options.eventFeeds.partnersBySlug(ctx, [partner]);
      }
      sendCached(req, res, DASHBOARD_HTML, { type: 'text/html; charset=utf-8', maxAgeSeconds: 60 });
    } catch (error) {
      const failure = failureOf(error, options);
      res.status(failure.status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard unavailable</title></head>
<body><main><h1>Registrations dashboard</h1><p role="alert">${htmlEscape(failure.message)}</p><p><a href="/dashboard">All partners</a></p></main></body></html>\n`);
    }
  });
  router.get('/dashboard/dashboard.css', (req, res) => sendCached(req, res, DASHBOARD_CSS, { type: 'text/css; charset=utf-8', maxAgeSeconds: 300 }));
  router.get('/dashboard/chart.umd.js', (_req, res) => {
    res.type('text/javascript; charset=utf-8').set('Cache-Control', 'public, max-age=86400').sendFile(CHART_JS);
  });
  router.get('/dashboard/dashboard.js', pageScriptHandler('dashboard', buildDashboard, options));
  return router;
}
