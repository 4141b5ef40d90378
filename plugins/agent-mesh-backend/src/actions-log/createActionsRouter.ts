import {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ACTIONS_MAX_BATCH,
  ACTIONS_MAX_BODY_BYTES,
  ActionSigningKeysResponse,
  agentMeshActionCreatePermission,
  ListActionsResponse,
  PostActionsResponse,
  VerifyActionsResponse,
} from '@agent-mesh/plugin-agent-mesh-common';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { AgentResolver } from './AgentResolver';
import { TeamHierarchy } from '../catalog';
import { encodeCursor } from './cursor';
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../http/errors';
import { parseExportQuery, streamExport } from './exportActions';
import { ingestActions } from './ingest';
import { writerOf } from './writer';
import { actingPartyOf } from './actingParty';
import { parseExportTraceServiceRequest } from './otlp';
import {
  decodeExportTraceServiceRequest,
  encodeExportTraceServiceResponse,
} from './otlpProtobuf';
import { parseListQuery } from './listQuery';
import { parsePostActionsBody } from './schema';
import { toApiAction } from './toApiAction';
import { withSubTeams } from './ownerFilter';
import { ActionReadAuthorizer } from './permissions';
import { CheckpointKeys } from './signing/CheckpointKeys';
import { ActionStore } from './types';
import { bodyParserErrors } from '../http/bodyParserErrors';
import { serviceUnavailableErrors } from '../http/serviceUnavailableErrors';

export interface ActionsRouterOptions {
  store: ActionStore;
  /** Sign the checkpoint of an evidence export; listed by `GET /actions/signing-keys`. */
  keys: CheckpointKeys;
  resolver: AgentResolver;
  /** The catalog's group hierarchy, for owner filters that include sub-teams. */
  teams: TeamHierarchy;
  /** Decides `agent-mesh.action.read`, conditions included. */
  readAuthorizer: ActionReadAuthorizer;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/**
 * `POST /actions`, `POST /v1/traces` (OTLP/HTTP JSON or protobuf), `GET /actions`,
 * `GET /actions/export`, `GET /actions/verify` and `GET /actions/signing-keys`.
 */
export function createActionsRouter(
  options: ActionsRouterOptions,
): express.Router {
  const {
    store,
    keys,
    resolver,
    teams,
    readAuthorizer,
    httpAuth,
    permissions,
    auditor,
  } = options;
  const router = Router();
  const jsonBody = express.json({ limit: ACTIONS_MAX_BODY_BYTES });
  const protobufBody = express.raw({
    type: 'application/x-protobuf',
    limit: ACTIONS_MAX_BODY_BYTES,
  });

  /** Read access: everything, or what the conditional decision's criteria match. */
  async function authorizeRead(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return readAuthorizer(credentials);
  }

  /** Write access, for `POST /actions` and `POST /v1/traces`. */
  async function authorizeCreate(
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ) {
    const [decision] = await permissions.authorize(
      [{ permission: agentMeshActionCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to write to the action log');
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
      await authorizeCreate(credentials);
      if (count !== undefined && count > ACTIONS_MAX_BATCH) {
        throw new PayloadTooLargeError(
          `A request may carry at most ${ACTIONS_MAX_BATCH} actions, got ${count}`,
        );
      }
      const inputs = parsePostActionsBody(req.body);
      const result = await ingestActions(
        inputs,
        { store, resolver },
        {
          writer: writerOf(credentials),
          actingParty: actingPartyOf(credentials),
        },
      );
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

  // OTLP/HTTP, JSON or protobuf encoding; see otlp.ts for which spans become actions.
  router.post(
    '/v1/traces',
    (req, _res, next) => {
      if (!req.is(['application/json', 'application/x-protobuf'])) {
        next(
          new UnsupportedMediaTypeError(
            `POST /v1/traces reads OTLP/HTTP JSON (Content-Type: application/json) or protobuf (application/x-protobuf), got '${
              req.headers['content-type'] ?? 'none'
            }'`,
          ),
        );
      } else {
        next();
      }
    },
    jsonBody,
    protobufBody,
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const auditorEvent = await auditor.createEvent({
        eventId: 'action-ingest',
        severityLevel: 'medium',
        request: req,
        meta: { source: 'otlp' },
      });
      try {
        await authorizeCreate(credentials);
        const protobufEncoded = Buffer.isBuffer(req.body);
        const parsed = parseExportTraceServiceRequest(
          protobufEncoded
            ? decodeExportTraceServiceRequest(req.body)
            : req.body,
        );
        // The agent: the first of the span's names for it that the catalog knows, else the
        // first. Each distinct name is looked up once for the whole request.
        const known = await resolver.resolveMany(
          parsed.actions.flatMap(a => a.agentCandidates),
        );
        const inputs = parsed.actions.map(({ input, agentCandidates }) => {
          const agent = agentCandidates.find(c => known.get(c)?.agentKnown);
          return agent ? { ...input, agent } : input;
        });
        const result = inputs.length
          ? await ingestActions(
              inputs,
              { store, resolver },
              // The id is the span's: the first write of a span wins.
              {
                onConflict: 'keep-stored',
                writer: writerOf(credentials),
                actingParty: actingPartyOf(credentials),
              },
            )
          : { accepted: [], duplicates: [] };
        await auditorEvent.success({
          meta: {
            accepted: result.accepted.length,
            duplicates: result.duplicates.length,
            ignored: parsed.ignored,
            rejected: parsed.rejected.length,
          },
        });
        const rejected = parsed.rejected.length;
        const partialSuccess = {
          rejectedSpans: rejected,
          errorMessage: rejected
            ? `${rejected} span(s) rejected: ${parsed.rejected
                .slice(0, 10)
                .join('; ')}${rejected > 10 ? '; ...' : ''}`
            : '',
        };
        // OTLP/HTTP answers in the encoding of the request.
        if (protobufEncoded) {
          res
            .type('application/x-protobuf')
            .send(encodeExportTraceServiceResponse(partialSuccess));
        } else {
          res.json({ partialSuccess });
        }
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get('/actions/export', async (req, res) => {
    const { access } = await authorizeRead(req);
    const { format, filter, evidence } = parseExportQuery(
      req.query as Record<string, unknown>,
    );
    if (evidence && access) {
      throw new NotAllowedError(
        'An evidence export holds the whole action log, which needs read access to all of it',
      );
    }
    await streamExport({
      store,
      filter: { ...(await withSubTeams(filter, teams)), access },
      format,
      res,
      evidence: evidence ? keys : undefined,
    });
  });

  router.get('/actions/signing-keys', async (req, res) => {
    await authorizeRead(req);
    const body: ActionSigningKeysResponse = { keys: keys.describe() };
    res.json(body);
  });

  router.get('/actions/verify', async (req, res) => {
    // The result covers the whole chain, so a decision limited to some actions is not enough.
    const { access } = await authorizeRead(req);
    if (access) {
      throw new NotAllowedError(
        'Verifying the action log needs read access to all of it',
      );
    }
    const result: VerifyActionsResponse = await store.verify();
    res.json(result);
  });

  router.get('/actions', async (req, res) => {
    const { access } = await authorizeRead(req);
    const query = await withSubTeams(
      parseListQuery(req.query as Record<string, unknown>),
      teams,
    );
    const rows = await store.list({ ...query, access, limit: query.limit + 1 });
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

  router.use(bodyParserErrors());
  router.use(serviceUnavailableErrors(1));
  // A busy chain lock or a database that is down or restarting: both pass within seconds.

  return router;
}
