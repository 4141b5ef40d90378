import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { computeOverview, OverviewSources } from './computeOverview';
import { parseOverviewQuery } from './overviewQuery';
import { authorizeInsightsRead } from '../http/authorizeInsightsRead';
import { ActionReadAuthorizer } from '../actions-log/permissions';
import { ActionAggregateAccess } from '../actions-log/DatabaseActionAggregates';
import { NotAllowedError } from '@backstage/errors';
import { serviceUnavailableErrors } from '../http/serviceUnavailableErrors';

/** `GET /overview`, for users and services with the insights permission. */
export function createOverviewRouter(options: {
  sources: OverviewSources;
  /** `agent-mesh.action.read`: the activity figures count only the actions the caller may read. */
  readAuthorizer: ActionReadAuthorizer;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The current time (tests); default the clock. */
  now?: () => Date;
}): express.Router {
  const { sources, httpAuth, permissions } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  router.get('/overview', async (req, res) => {
    const credentials = await authorizeInsightsRead(
      req,
      { httpAuth, permissions },
      'the overview',
    );
    const query = parseOverviewQuery(req.query, now());
    // Only what the caller may see in the catalog is counted (`computeOverview` asks the
    // catalog with their credentials); the activity figures count only the actions they may read.
    let actionAccess: ActionAggregateAccess;
    try {
      actionAccess = (await options.readAuthorizer(credentials)).access;
    } catch (error) {
      if (!(error instanceof NotAllowedError)) throw error;
      actionAccess = 'nothing';
    }
    res.json(
      await computeOverview(sources, { credentials, query, actionAccess }),
    );
  });

  router.use(serviceUnavailableErrors(1));
  return router;
}
