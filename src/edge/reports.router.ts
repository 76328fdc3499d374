import { Request, Response, Router } from 'express';
import { ContextDeps, createContext } from '../context';
import { DomainError, ErrorCode } from '../domain/errors';
import { toGlobalId } from '../domain/global-id';
import { impactCsv } from '../features/impact/impact.csv';
import { parseImpactQuery } from '../features/impact/impact-query';
import type { ImpactService } from '../features/impact/impact.service';
import type { PartnerService } from '../features/partners/partner.service';
import { sendPlainError } from './embed-request';
import { buildImpact } from './browser/impact-bundle';
import { IMPACT_CSS, IMPACT_HTML } from './browser/impact-page.render';
import { sendCached } from './cached-response';
import { pageScriptHandler } from './page-script.handler';
import { staffPageHeaders } from './staff-page-headers';

export interface ReportRouteOptions {
  deps: ContextDeps;
  impact: ImpactService;
  partners: PartnerService;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404,
};

/** What /impact's own URL may carry: the view the page reads (bookmarkable), never a key. */
const IMPACT_PAGE_PARAMETERS = ['from', 'to', 'groupBy'];

/**
 * /impact: the staff page of the impact report (figures, a chart, the CSV), filled by its script once
 * a key is entered; the same markup for every view, so it caches.
 * /reports/impact.csv?from=&to=&partner=&groupBy=: the impact report as a spreadsheet, for staff, with
 * the key in the Authorization header as for GraphQL (never in the URL, which logs and histories keep).
 * Never cached: it is per key and changes with every check-in.
 */
export function reportsRouter(options: ReportRouteOptions): Router {
  const router = Router();
  router.get('/impact', staffPageHeaders, (req: Request, res: Response) => {
    const unknown = Object.keys(req.query).find((k) => !IMPACT_PAGE_PARAMETERS.includes(k));
    if (unknown) {
      sendPlainError(res, { status: 400, message: `Unknown query parameter "${unknown}". The impact page takes "from", "to" (dates, YYYY-MM-DD) and "groupBy".` });
      return;
    }
    sendCached(req, res, IMPACT_HTML, { type: 'text/html; charset=utf-8', maxAgeSeconds: 60 });
  });
  router.get('/impact/impact.css', (req, res) => sendCached(req, res, IMPACT_CSS, { type: 'text/css; charset=utf-8', maxAgeSeconds: 300 }));
  router.get('/impact/impact.js', pageScriptHandler('impact page', buildImpact, options));
  router.get('/reports/impact.csv', async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(options.deps, { authorization: req.headers.authorization });
      const query = parseImpactQuery(req.query as Record<string, unknown>);
      const partnerIds = await Promise.all(query.partnerSlugs.map(async (slug) => {
        const partner = await options.partners.find(ctx, { slug });
        if (!partner) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown partner "${slug}" in query parameter "partner".`);
        return toGlobalId('Partner', partner.id);
      }));
      const report = await options.impact.report(ctx, { from: query.from, to: query.to, partnerIds, groupBy: query.groupBy });
      const [partners, branches] = await Promise.all([
        ctx.loaders.partnerById.loadMany([...new Set(report.groups.flatMap((g) => (g.key.PARTNER ? [g.key.PARTNER] : [])))]),
        ctx.loaders.locationById.loadMany([...new Set(report.groups.flatMap((g) => (g.key.BRANCH ? [g.key.BRANCH] : [])))]),
      ]);
      const nameOf = (rows: unknown[], id: string) => (rows.find((r) => (r as { id?: string })?.id === id) as { name?: string } | undefined)?.name ?? id;
      const csv = impactCsv(report, query.groupBy, { partner: (id) => nameOf(partners, id), branch: (id) => nameOf(branches, id) });
      const day = (d: Date) => d.toISOString().slice(0, 10);
      res.status(200).set({
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="impact-${day(query.from)}-${day(query.to)}.csv"`,
        'Cache-Control': 'no-store',
      }).send(csv);
    } catch (error) {
      if (!(error instanceof DomainError)) options.deps.logger.error({ err: error }, 'impact report failed');
      const status = error instanceof DomainError ? STATUS[error.code] ?? 400 : 500;
      sendPlainError(res, { status, message: error instanceof DomainError ? error.message : 'Internal server error.' });
    }
  });
  return router;
}
