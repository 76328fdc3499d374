import { Router } from 'express';
import { DataSource } from 'typeorm';

/** Something readiness pings besides the database (Redis, when configured). */
export interface ReadinessCheck {
  name: string;
  ping(): Promise<unknown>;
}

/** Liveness says the process serves; readiness says its database (and Redis, when configured) answers. */
export function healthRouter(db: DataSource, checks: ReadinessCheck[] = [], warnings: string[] = []): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const report: Record<string, string> = {};
    let ready = true;
    try {
      await db.query('SELECT 1');
      report.database = 'ok';
    } catch {
      report.database = 'unreachable';
      ready = false;
    }
    for (const check of checks) {
      try {
        await check.ping();
        report[check.name] = 'ok';
      } catch {
        report[check.name] = 'unreachable';
        ready = false;
      }
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...report, ...(warnings.length ? { warnings } : {}) });
  });
  return router;
}
