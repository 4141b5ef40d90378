import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { PostSimilarResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { OverlapService, readiness } from './OverlapService';
import { parseEntityRefParam, parseSimilarBody } from './schema';
import { bodyParserErrors } from '../http/bodyParserErrors';
import { serviceUnavailableErrors } from '../http/serviceUnavailableErrors';
import { authorizeInsightsRead } from '../http/authorizeInsightsRead';

/** `GET /overlaps` and `POST /similar`, for users and services with the insights permission. */
export function createOverlapRouter(options: {
  overlaps: OverlapService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { overlaps, httpAuth, permissions } = options;
  const router = Router();

  const authorize = (req: express.Request) =>
    authorizeInsightsRead(req, { httpAuth, permissions }, 'overlaps');

  router.get('/overlaps', async (req, res) => {
    const credentials = await authorize(req);
    const entityRef = parseEntityRefParam(req.query.entityRef);
    const result = await overlaps.lookup(entityRef, credentials);
    if (!result) {
      throw new NotFoundError(
        `${entityRef} is not in the overlap index: no such entity, or it does not take part in overlap detection`,
      );
    }
    res.json(result);
  });

  router.post('/similar', express.json({ limit: '64kb' }), async (req, res) => {
    const credentials = await authorize(req);
    const input = parseSimilarBody(req.body);
    const items = await overlaps.similar(input, credentials);
    const body: PostSimilarResponse = {
      items,
      ...readiness(overlaps.indexReady()),
    };
    res.json(body);
  });

  router.use(bodyParserErrors());
  router.use(serviceUnavailableErrors(1));

  return router;
}
