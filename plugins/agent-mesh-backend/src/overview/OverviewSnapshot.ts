import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ActionAggregates } from '../actions-log/DatabaseActionAggregates';
import {
  CatalogSnapshot,
  loadCatalogSnapshot,
  OverlapSubjects,
} from './catalogEntities';
import { CREATED_ACTION_TYPE } from './firstAppearance';
import { FirstSeen, FirstSeenStore } from './FirstSeenStore';
import { TeamTree } from './teamTree';

/** A latest stored scorecard result, as the overview counts it. */
export interface OverviewScore {
  /** Full, lower-case ref. */
  entityRef: string;
  /** The owner when it was evaluated. */
  ownerRef: string | null;
  score: number;
  level: string | null;
}

/** Latest stored scorecard results, as the scorecard store gives them. */
export interface ScoreSource {
  latestByOwners(): Promise<
    {
      entityRef: string;
      ownerRef: string | null;
      score: number;
      level: string | null;
    }[]
  >;
}

/**
 * Everything an overview counts that does not depend on the caller or the period: the catalog's
 * Groups, Agents and AI-built entities as the plugin sees them, when each entity was first seen
 * and first targeted by an action (over the whole log), and the latest scores.
 */
export interface OverviewSnapshot extends CatalogSnapshot {
  tree: TeamTree;
  firstSeen: Map<string, FirstSeen>;
  /** The oldest action on each entity, of any reader's log (keys lower-case refs). */
  firstAction: Map<string, string>;
  /** The oldest `artifact.created` action on each entity. */
  firstCreated: Map<string, string>;
  scores: OverviewScore[];
  /** ISO 8601. */
  builtAt: string;
}

/** What a snapshot is read from. */
export interface OverviewSnapshotSources {
  catalog: CatalogService;
  auth: AuthService;
  firstSeen: FirstSeenStore;
  scores: ScoreSource;
  actions: ActionAggregates;
  overlapSubjects: OverlapSubjects;
}

/**
 * Reads a snapshot: the catalog with the plugin's own credentials (each request narrows it to
 * what its caller may see), the first-seen times, the action log's first actions per entity and
 * the latest scorecard results.
 */
export async function buildOverviewSnapshot(
  sources: OverviewSnapshotSources,
  now: () => Date,
): Promise<OverviewSnapshot> {
  const builtAt = now().toISOString();
  const catalog = await loadCatalogSnapshot(
    sources.catalog,
    await sources.auth.getOwnServiceCredentials(),
    sources.overlapSubjects,
  );
  const refs = [...catalog.agents, ...catalog.artifacts].map(e => e.ref);
  const [firstSeen, firstAction, firstCreated, scores] = await Promise.all([
    sources.firstSeen.get(refs),
    sources.actions.firstByTarget(refs),
    sources.actions.firstByTarget(refs, { types: [CREATED_ACTION_TYPE] }),
    sources.scores.latestByOwners(),
  ]);
  return {
    ...catalog,
    tree: new TeamTree(catalog.groups),
    firstSeen,
    firstAction,
    firstCreated,
    scores: scores.map(({ entityRef, ownerRef, score, level }) => ({
      entityRef: entityRef.toLocaleLowerCase('en-US'),
      ownerRef,
      score,
      level,
    })),
    builtAt,
  };
}
