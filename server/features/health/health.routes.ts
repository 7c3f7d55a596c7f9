import type { Router } from 'express';
import { AppError } from '../../errors.js';
import type { AppContext } from '../../appContext.js';
import { SharedProbe } from '../../neo4j/readiness.js';

/** /healthz: the process answers. /readyz: the data routes can work (bootstrap done and Neo4j answers). */
export function mountHealthRoutes(router: Router, context: AppContext): void {
  const probe = new SharedProbe(context.db);
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_req, res, next) => {
    try {
      if (!context.readiness.ready) throw new AppError(503, 'Not ready', context.readiness.reason);
      const answer = await probe.check();
      if (!answer.ready) throw new AppError(503, 'Not ready', answer.reason);
      res.json({ status: 'ready', database: context.db.name });
    } catch (error) {
      next(error);
    }
  });
}
