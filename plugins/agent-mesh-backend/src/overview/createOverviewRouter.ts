import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { computeOverview, OverviewSources } from './computeOverview';
import { parseOverviewQuery } from './overviewQuery';

/** `GET /overview`, for users and services with the insights permission. */
export function createOverviewRouter(options: {
  sources: OverviewSources;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The current time (tests); default the clock. */
  now?: () => Date;
}): express.Router {
  const { sources, httpAuth, permissions } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: agentMeshInsightsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to read the overview');
    }
    const query = parseOverviewQuery(req.query, now());
    // The catalog is read with the caller's credentials: only what they may see is counted.
    res.json(await computeOverview(sources, { credentials, query }));
  });

  return router;
}
