import { gzipSync } from 'node:zlib';
import { Request, Response, Router } from 'express';
import { GraphQLSchema } from 'graphql';
import { buildWidget, widgetFeaturesOf } from './browser/widget-bundle';
import { etagOf, ifNoneMatch } from './cached-response';
import { EmbedRouteOptions } from './embed-request';

interface Bundle {
  plain: Buffer;
  gzip: Buffer;
}

async function bundleFor(schema: GraphQLSchema): Promise<Bundle> {
  const plain = Buffer.from(await buildWidget(widgetFeaturesOf(schema)));
  return { plain, gzip: gzipSync(plain, { level: 9 }) };
}

/**
 * /widget.js: bundled on first request and kept for the process's life (it depends only on the
 * source and the schema, both fixed while the process runs); served gzipped to clients that accept
 * it, each encoding with its own strong ETag (RFC 9110 §8.8.3).
 */
export function widgetRouter(options: EmbedRouteOptions & { schema: GraphQLSchema }): Router {
  const router = Router();
  let bundle: Promise<Bundle> | null = null;
  router.get('/widget.js', async (req: Request, res: Response) => {
    try {
      bundle ??= bundleFor(options.schema);
      const { plain, gzip } = await bundle;
      const zipped = req.acceptsEncodings('gzip', 'identity') === 'gzip';
      const body = zipped ? gzip : plain;
      const etag = etagOf(body);
      // Loaded by <script> on partners' pages: readable cross-origin, never sniffed as anything else.
      res.set({
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=300, stale-while-revalidate=300',
        ETag: etag,
        Vary: 'Accept-Encoding',
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
      });
      if (zipped) res.set('Content-Encoding', 'gzip');
      if (ifNoneMatch(req.headers['if-none-match'], etag)) {
        res.status(304).end();
        return;
      }
      res.status(200).end(body);
    } catch (error) {
      bundle = null;
      options.deps.logger.error({ err: error }, 'widget bundle failed');
      res.status(500).type('text/javascript').set('Cache-Control', 'no-store')
        .send('console.error("Community Graph widget is unavailable (server error).");\n');
    }
  });
  return router;
}
