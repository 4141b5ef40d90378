import express from 'express';
import Router from 'express-promise-router';

/** Liveness probe for load balancers; the only route that needs no credentials. */
export function createHealthRouter(): express.Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
