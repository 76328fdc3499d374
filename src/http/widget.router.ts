import { Request, Response, Router } from 'express';
import { GraphQLSchema } from 'graphql';
import { buildWidget, widgetFeaturesOf } from '../embed/widget-bundle';
import { sendCached } from './cached-response';
import { EmbedRouteOptions } from './embed-request';

/**
 * /widget.js: bundled on first request (a few tens of ms) and kept for the process's life; the
 * bundle depends only on the source and the schema, both fixed while the process runs.
 */
export function widgetRouter(options: EmbedRouteOptions & { schema: GraphQLSchema }): Router {
  const router = Router();
  let bundle: Promise<string> | null = null;
  router.get('/widget.js', async (req: Request, res: Response) => {
    try {
      bundle ??= buildWidget(widgetFeaturesOf(options.schema));
      const code = await bundle;
      // Loaded by <script> on partners' pages: readable cross-origin, never sniffed as anything else.
      res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' });
      sendCached(req, res, code, { type: 'text/javascript; charset=utf-8', maxAgeSeconds: 300 });
    } catch (error) {
      bundle = null;
      options.deps.logger.error({ err: error }, 'widget bundle failed');
      res.status(500).type('text/javascript').set('Cache-Control', 'no-store')
        .send('console.error("Community Graph widget is unavailable (server error).");\n');
    }
  });
  return router;
}
