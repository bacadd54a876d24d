import express, { type Router } from 'express';
import type { AppServices } from '../services';
import { missingLists } from '../services/provisioning';

/** Liveness (the process answers) and readiness (Graph reachable as the app, every list provisioned). */
export function healthRouter(services: AppServices): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const missing = await missingLists(services.graph.forApp(), services.site);
      if (missing.length > 0) {
        res.status(503).json({ status: 'not-ready', graph: 'ok', missingLists: missing });
        return;
      }
      res.json({ status: 'ready', graph: 'ok' });
    } catch (error) {
      services.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'not-ready', graph: 'unreachable' });
    }
  });
  return router;
}
