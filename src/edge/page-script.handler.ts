import { Request, Response } from 'express';
import { sendCached } from './cached-response';
import { EmbedRouteOptions } from './embed-request';

/**
 * Serves a staff page's bundled script, bundled once on first request; a failed bundle is not kept,
 * so the next request tries again instead of serving the failure until restart.
 */
export function pageScriptHandler(name: string, bundle: () => Promise<string>, options: Pick<EmbedRouteOptions, 'deps'>): (req: Request, res: Response) => Promise<void> {
  let script: Promise<string> | null = null;
  return async (req, res) => {
    try {
      script ??= bundle();
      sendCached(req, res, await script, { type: 'text/javascript; charset=utf-8', maxAgeSeconds: 300 });
    } catch (error) {
      script = null;
      options.deps.logger.error({ err: error }, `${name} bundle failed`);
      res.status(500).type('text/javascript').set('Cache-Control', 'no-store').send(`console.error("The ${name} script is unavailable (server error).");\n`);
    }
  };
}
