import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ACTIONS_MAX_BATCH,
  ACTIONS_MAX_BODY_BYTES,
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
  ListActionsResponse,
  PostActionsResponse,
  VerifyActionsResponse,
} from '@agent-mesh/plugin-agent-mesh-common';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { AgentResolver } from './AgentResolver';
import { encodeCursor } from './cursor';
import { PayloadTooLargeError } from './errors';
import { ingestActions } from './ingest';
import { parseListQuery } from './listQuery';
import { parsePostActionsBody } from './schema';
import { toApiAction } from './toApiAction';
import { ActionStore } from './types';

export interface ActionsRouterOptions {
  store: ActionStore;
  resolver: AgentResolver;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** `POST /actions`, `GET /actions` and `GET /actions/verify`. */
export function createActionsRouter(
  options: ActionsRouterOptions,
): express.Router {
  const { store, resolver, httpAuth, permissions, auditor } = options;
  const router = Router();
  const jsonBody = express.json({ limit: ACTIONS_MAX_BODY_BYTES });

  /** Read access; a resource permission whose conditions are not applied yet (fails closed). */
  async function authorizeRead(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: agentMeshActionReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to read the action log');
    }
  }

  router.post('/actions', jsonBody, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const count = Array.isArray(req.body?.actions)
      ? req.body.actions.length
      : undefined;
    const auditorEvent = await auditor.createEvent({
      eventId: 'action-ingest',
      severityLevel: 'medium',
      request: req,
      meta: { count: count ?? null },
    });
    try {
      const [decision] = await permissions.authorize(
        [{ permission: agentMeshActionCreatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('Not allowed to write to the action log');
      }
      if (count !== undefined && count > ACTIONS_MAX_BATCH) {
        throw new PayloadTooLargeError(
          `A request may carry at most ${ACTIONS_MAX_BATCH} actions, got ${count}`,
        );
      }
      const inputs = parsePostActionsBody(req.body);
      const result = await ingestActions(inputs, { store, resolver });
      await auditorEvent.success({
        meta: {
          accepted: result.accepted.length,
          duplicates: result.duplicates.length,
        },
      });
      const body: PostActionsResponse = {
        accepted: result.accepted.length,
        duplicates: result.duplicates.length,
        duplicateIds: result.duplicates,
      };
      res.json(body);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/actions/verify', async (req, res) => {
    await authorizeRead(req);
    const result: VerifyActionsResponse = await store.verify();
    res.json(result);
  });

  router.get('/actions', async (req, res) => {
    await authorizeRead(req);
    const query = parseListQuery(req.query as Record<string, unknown>);
    const rows = await store.list({ ...query, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const body: ListActionsResponse = {
      items: page.map(toApiAction),
      nextCursor:
        rows.length > query.limit
          ? encodeCursor(page[page.length - 1].seq)
          : null,
    };
    res.json(body);
  });

  // Body parser errors, in Backstage's error shape.
  router.use(
    (
      error: Error & { type?: string },
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `The request body may be at most ${ACTIONS_MAX_BODY_BYTES} bytes`,
          ),
        );
      } else if (error.type === 'entity.parse.failed') {
        next(
          new InputError(
            `The request body is not valid JSON: ${error.message}`,
          ),
        );
      } else {
        next(error);
      }
    },
  );

  return router;
}
