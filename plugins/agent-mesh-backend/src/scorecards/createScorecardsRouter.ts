import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseValidEntityRef } from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { ScorecardsConfig } from './config';
import { createScorecardContext } from './createScorecardContext';
import { dryRunScorecards } from './dryRun';
import { createCatalogSource } from './entitySources';
import { evaluateScorecard } from './evaluateScorecard';
import { hasScorecard } from './filters';
import { summarizeScorecards } from './rollup';
import { ScorecardStore } from './ScorecardStore';
import { loadGroups, teamTree } from '../catalog';
import { ScorecardVisibility } from './ScorecardVisibility';
import { ActivityLookup, OverlapLookup } from './types';
import { bodyParserErrors } from '../http/bodyParserErrors';
import { serviceUnavailableErrors } from '../http/serviceUnavailableErrors';
import { authorizeInsightsRead } from '../http/authorizeInsightsRead';
import { ConcurrencyLimit } from '../http/ConcurrencyLimit';
import { loadAllEntities } from './loadEntities';
import { SharedEntitySnapshot } from './SharedEntitySnapshot';

/** Dry runs that evaluate the whole catalog at once in one backend; more are refused (429). */
const MAX_CONCURRENT_DRY_RUNS = 1;
/** How long dry runs share one copy of the catalog. */
const DRY_RUN_SNAPSHOT_MS = 30_000;
/** Most `entityRefs` in one dry run. */
const MAX_DRY_RUN_REFS = 1000;

export interface ScorecardsRouterOptions {
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** What each caller may see of the scorecards. */
  visibility: ScorecardVisibility;
  store: ScorecardStore;
  checks: ScorecardCheck[];
  config: ScorecardsConfig;
  overlaps?: OverlapLookup;
  activity?: ActivityLookup;
  /** The evaluation time; default the current time. */
  now?: () => Date;
}

const HISTORY_MAX = 1000;

function queryString(req: express.Request, name: string, required: boolean) {
  const value = req.query[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`Query parameter '${name}' is required, once`);
  }
  return value;
}

function parseRef(value: string, name: string, defaultKind?: string): string {
  const parsed = parseValidEntityRef(value, { defaultKind });
  if (!parsed) {
    throw new InputError(
      `Query parameter '${name}' is not a valid entity ref: '${value}' (expected e.g. ${
        defaultKind ?? 'aiartifact'
      }:default/name)`,
    );
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/** `GET /scorecards`, `GET /scorecards/history`, `GET /scorecards/rollup`, `POST /scorecards/dry-run`. */
export function createScorecardsRouter(
  options: ScorecardsRouterOptions,
): express.Router {
  const {
    catalog,
    auth,
    httpAuth,
    permissions,
    visibility,
    store,
    checks,
    config,
  } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const authorize = (req: express.Request) =>
    authorizeInsightsRead(req, { httpAuth, permissions }, 'scorecards');
  const dryRuns = new ConcurrencyLimit(
    MAX_CONCURRENT_DRY_RUNS,
    'A scorecard dry run',
  );
  const dryRunEntities = new SharedEntitySnapshot(
    async () => loadAllEntities(catalog, await auth.getOwnServiceCredentials()),
    DRY_RUN_SNAPSHOT_MS,
  );

  router.get('/scorecards', async (req, res) => {
    const credentials = await authorize(req);
    const entityRef = parseRef(
      queryString(req, 'entityRef', true)!,
      'entityRef',
    );
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (!hasScorecard(entity, config)) {
      throw new NotFoundError(
        `${entityRef} has no scorecard: scorecards cover Agents, AiArtifacts and entities with the agent-mesh.io/built-by annotation`,
      );
    }
    const context = createScorecardContext({
      source: createCatalogSource(
        catalog,
        await auth.getOwnServiceCredentials(),
      ),
      now: now(),
      activityWindowDays: config.activityWindowDays,
      overlaps: options.overlaps,
      activity: options.activity,
    });
    const result = await evaluateScorecard(entity, { checks, config, context });
    const [shown] = await visibility.shown([result], credentials);
    if (!shown) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    res.json(shown);
  });

  router.get('/scorecards/history', async (req, res) => {
    const credentials = await authorize(req);
    const entityRef = parseRef(
      queryString(req, 'entityRef', true)!,
      'entityRef',
    );
    const limitText = queryString(req, 'limit', false);
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_MAX) {
      throw new InputError(
        `Query parameter 'limit' must be a whole number from 1 to ${HISTORY_MAX}`,
      );
    }
    const items = await store.history(entityRef, { limit });
    // A user sees the history of what the catalog lets them read; a service also that of
    // entities gone from the catalog.
    const mustSee = items.length === 0 || auth.isPrincipal(credentials, 'user');
    if (
      mustSee &&
      !(await catalog.getEntityByRef(entityRef, { credentials }))
    ) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    // Details as the caller may see them; a service also sees those of entities gone from
    // the catalog, a user only those of an entity it may read (checked above).
    const shown = await visibility.shown(
      items.map(item => ({ ...item, entityRef })),
      credentials,
    );
    res.json({
      entityRef,
      items: shown.map(({ evaluatedAt, score, level, checks: c }) => ({
        evaluatedAt,
        score,
        level,
        checks: c,
      })),
    });
  });

  router.get('/scorecards/rollup', async (req, res) => {
    const credentials = await authorize(req);
    const ownerText = queryString(req, 'owner', false);
    // Stored results, of the entities the caller may read in the catalog.
    const visibleRows = async <R extends { entityRef: string }>(rows: R[]) =>
      visibility.readable(rows, credentials);
    if (ownerText === undefined) {
      const rows = await visibleRows(await store.latestByOwners());
      res.json(
        summarizeScorecards(rows, {
          owner: null,
          owners: [],
          levels: config.levels,
        }),
      );
      return;
    }
    const owner = parseRef(ownerText, 'owner', 'group');
    const ownerEntity = await catalog.getEntityByRef(owner, { credentials });
    if (!ownerEntity) {
      throw new NotFoundError(`No owner ${owner} in the catalog`);
    }
    const owners =
      ownerEntity.kind.toLocaleLowerCase('en-US') === 'group'
        ? teamTree(
            await loadGroups(catalog, await auth.getOwnServiceCredentials()),
            owner,
          )
        : [owner];
    const rows = await visibleRows(await store.latestByOwners(owners));
    res.json(
      summarizeScorecards(rows, { owner, owners, levels: config.levels }),
    );
  });

  router.post(
    '/scorecards/dry-run',
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const credentials = await authorize(req);
      const body = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new InputError(
          'The body must be an object: { config, entityRefs? }',
        );
      }
      const unknown = Object.keys(body).filter(
        k => k !== 'config' && k !== 'entityRefs',
      );
      if (unknown.length) {
        throw new InputError(
          `Unknown field(s) in the body: ${unknown.join(
            ', ',
          )}; expected { config, entityRefs? }`,
        );
      }
      let entityRefs: string[] | undefined;
      if (body.entityRefs !== undefined) {
        if (
          !Array.isArray(body.entityRefs) ||
          body.entityRefs.some((r: unknown) => typeof r !== 'string')
        ) {
          throw new InputError('entityRefs must be a list of entity refs');
        }
        if (body.entityRefs.length > MAX_DRY_RUN_REFS) {
          throw new InputError(
            `entityRefs must have at most ${MAX_DRY_RUN_REFS} entries, got ${body.entityRefs.length}`,
          );
        }
        entityRefs = body.entityRefs.map((r: string, i: number) =>
          parseRef(r, `entityRefs[${i}]`),
        );
      }
      res.json(
        await dryRuns.run(() =>
          dryRunScorecards({
            configValue: body.config ?? {},
            catalog,
            auth,
            checks,
            store,
            overlaps: options.overlaps,
            activity: options.activity,
            now: now(),
            entityRefs,
            loadEntities: () => dryRunEntities.get(),
            show: results => visibility.shown(results, credentials),
          }),
        ),
      );
    },
  );

  router.use(bodyParserErrors());
  router.use(serviceUnavailableErrors(1));

  return router;
}
