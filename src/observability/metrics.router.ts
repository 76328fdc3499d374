import { Router } from 'express';
import { Metrics } from './metrics';

/** Prometheus text format at /metrics. Expose it to the scraper only (block /metrics at the proxy). */
export function metricsRouter(metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
