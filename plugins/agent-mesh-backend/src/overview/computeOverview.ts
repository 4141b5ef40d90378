import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GetOverviewResponse,
  OverviewNewEntity,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  ActionAggregateAccess,
  ActionAggregates,
} from '../actions-log/DatabaseActionAggregates';
import { activitySummary } from './activity';
import { agentRows } from './agentRows';
import { loadCatalogSnapshot, OverviewEntity } from './catalogEntities';
import { findOverlapPairs, OverlapSource, overlapClusters } from './clusters';
import { CREATED_ACTION_TYPE, firstAppearance } from './firstAppearance';
import { FirstSeenStore } from './FirstSeenStore';
import { OverviewQuery } from './overviewQuery';
import { scoreDistribution } from './scoreDistribution';
import { computeTeamFigures, meanScore } from './teamFigures';
import { TeamTree } from './teamTree';

/** Latest stored scorecard results, as the scorecard store gives them. */
export interface ScoreSource {
  latestByOwners(
    ownerRefs?: string[],
  ): Promise<{ entityRef: string; score: number; level: string | null }[]>;
}

/** Where the overview reads from. */
export interface OverviewSources {
  catalog: CatalogService;
  overlaps: OverlapSource;
  /** The overlap threshold: a cluster holds together while its average pair score reaches it. */
  clusterThreshold: number;
  scores: ScoreSource;
  /** The configured scorecard level names, best first. */
  levelNames: string[];
  actions: ActionAggregates;
  firstSeen: FirstSeenStore;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** `GET /overview`: what the organisation, or one team with its sub-teams, is building. */
export async function computeOverview(
  sources: OverviewSources,
  options: {
    credentials: BackstageCredentials;
    query: OverviewQuery;
    /** Which actions the caller may read (`agent-mesh.action.read`); undefined for all. */
    actionAccess?: ActionAggregateAccess;
  },
): Promise<GetOverviewResponse> {
  const access = options.actionAccess;
  const { period, owner } = options.query;
  const snapshot = await loadCatalogSnapshot(
    sources.catalog,
    options.credentials,
  );
  const tree = new TeamTree(snapshot.groups);
  if (owner && !tree.groups.has(owner)) {
    throw new NotFoundError(`No team ${owner} in the catalog`);
  }
  const teamRefs = owner ? tree.subtreeOf(owner) : [...tree.groups.keys()];
  const teamSet = new Set(teamRefs);
  const inScope = (e: OverviewEntity) =>
    !owner || Boolean(e.owner && teamSet.has(e.owner));
  const agents = snapshot.agents.filter(inScope);
  const artifacts = snapshot.artifacts.filter(inScope);
  const entities = [...agents, ...artifacts];
  const refs = entities.map(e => e.ref);
  const ownerRefs = owner ? teamRefs : undefined;
  const { actions } = sources;

  const [
    actionsByOwner,
    actionsByAgent,
    byDay,
    byType,
    lastByAgent,
    firstAction,
    firstCreated,
    seen,
    stored,
    pairs,
  ] = await Promise.all([
    actions.countBy('owner_ref', period, { ownerRefs, access }),
    actions.countBy('agent_ref', period, { access }),
    actions.countBy('day', period, { ownerRefs, access }),
    actions.countBy('type', period, { ownerRefs, access }),
    actions.lastByAgent(
      agents.map(a => a.ref),
      { access },
    ),
    actions.firstByTarget(refs, { access }),
    actions.firstByTarget(refs, { types: [CREATED_ACTION_TYPE], access }),
    sources.firstSeen.get(refs),
    sources.scores.latestByOwners(ownerRefs),
    findOverlapPairs({
      seeds: artifacts,
      visible: new Map(snapshot.artifacts.map(a => [a.ref, a])),
      overlaps: sources.overlaps,
    }),
  ]);

  const newThisPeriod: OverviewNewEntity[] = [];
  for (const entity of entities) {
    const at = firstAppearance(
      seen.get(entity.ref),
      firstAction.get(entity.ref),
      firstCreated.get(entity.ref),
    );
    if (at && at >= period.since && at < period.until) {
      newThisPeriod.push({
        entityRef: entity.ref,
        kind: entity.kind,
        title: entity.title,
        ...(entity.owner ? { owner: entity.owner } : {}),
        firstSeenAt: at,
        builtBy: entity.builtBy,
      });
    }
  }
  newThisPeriod.sort(
    (x, y) =>
      y.firstSeenAt.localeCompare(x.firstSeenAt) ||
      x.entityRef.localeCompare(y.entityRef),
  );

  const scoped = new Set(refs);
  const results = stored
    .map(r => ({ ...r, entityRef: r.entityRef.toLocaleLowerCase('en-US') }))
    .filter(r => scoped.has(r.entityRef));
  const scores = new Map(results.map(r => [r.entityRef, r.score]));
  // Whole clusters reachable from the scope, but only those with a member in it.
  const clusters = overlapClusters(pairs, sources.clusterThreshold).filter(
    cluster => cluster.members.some(m => scoped.has(m.entityRef)),
  );

  return {
    period,
    owner: owner ?? null,
    totals: {
      teams: teamRefs.length,
      agents: agents.length,
      artifacts: artifacts.length,
      newThisPeriod: newThisPeriod.length,
      actions: sum(byDay.values()),
      overlapClusters: clusters.length,
      scoredEntities: results.length,
      averageScore: meanScore(sum(scores.values()), scores.size),
    },
    teams: computeTeamFigures(
      {
        tree,
        agents,
        artifacts,
        newRefs: new Set(newThisPeriod.map(n => n.entityRef)),
        actionsByOwner,
        scores,
        overlapPairs: pairs,
      },
      teamRefs,
    ),
    agents: agentRows({
      agents,
      artifacts: snapshot.artifacts,
      actionsByAgent,
      lastByAgent,
    }),
    newThisPeriod,
    overlapClusters: clusters,
    scoreDistribution: scoreDistribution(results, sources.levelNames),
    activity: activitySummary(period, byDay, byType),
  };
}
