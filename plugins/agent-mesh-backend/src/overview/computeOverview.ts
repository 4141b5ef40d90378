import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
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
import { CallerVisibility } from './callerVisibility';
import { OverviewEntity } from './catalogEntities';
import { OverlapPair, overlapClusters } from './clusters';
import { CREATED_ACTION_TYPE, firstAppearance } from './firstAppearance';
import { OverviewModelView } from './OverviewReadModel';
import { OverviewSnapshot } from './OverviewSnapshot';
import { OverviewQuery } from './overviewQuery';
import { scoreDistribution } from './scoreDistribution';
import { computeTeamFigures, meanScore } from './teamFigures';
import { TeamTree } from './teamTree';

/** Where a request's overview is answered from. */
export interface OverviewSources {
  /** The read model's current state. */
  view(): OverviewModelView;
  /** Which of `refs` the caller may read in the catalog (`callerVisibility`). */
  visibility(
    credentials: BackstageCredentials,
    refs: string[],
  ): Promise<CallerVisibility>;
  /** The overlap threshold: a cluster holds together while its average pair score reaches it. */
  clusterThreshold: number;
  /** The configured scorecard level names, best first. */
  levelNames: string[];
  actions: ActionAggregates;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** The snapshot, pairs and clusters narrowed to what the caller may see in the catalog. */
interface CallerView {
  tree: TeamTree;
  agents: OverviewEntity[];
  artifacts: OverviewEntity[];
  pairs: OverlapPair[];
  /** The clusters of `pairs`. */
  clusters: () => ReturnType<typeof overlapClusters>;
}

async function callerView(
  sources: OverviewSources,
  view: OverviewModelView & { snapshot: OverviewSnapshot },
  credentials: BackstageCredentials,
): Promise<CallerView> {
  const { snapshot } = view;
  const refs = [
    ...snapshot.groups.map(g => g.ref),
    ...snapshot.agents.map(a => a.ref),
    ...snapshot.artifacts.map(a => a.ref),
  ];
  const visible = await sources.visibility(credentials, refs);
  if (visible === 'all' || refs.every(ref => visible.has(ref))) {
    return {
      tree: snapshot.tree,
      agents: snapshot.agents,
      artifacts: snapshot.artifacts,
      pairs: view.pairs,
      clusters: () => view.clusters,
    };
  }
  const pairs = view.pairs.filter(
    p => visible.has(p.a.ref) && visible.has(p.b.ref),
  );
  return {
    tree: new TeamTree(snapshot.groups.filter(g => visible.has(g.ref))),
    agents: snapshot.agents.filter(a => visible.has(a.ref)),
    artifacts: snapshot.artifacts.filter(a => visible.has(a.ref)),
    pairs,
    clusters: () => overlapClusters(pairs, sources.clusterThreshold),
  };
}

/** An overview with nothing counted yet, for answers before the read model is built. */
function emptyOverview(
  sources: OverviewSources,
  query: OverviewQuery,
  message: string | undefined,
): GetOverviewResponse {
  const { period, owner } = query;
  return {
    period,
    owner: owner ?? null,
    indexReady: false,
    ...(message ? { message } : {}),
    totals: {
      teams: 0,
      agents: 0,
      artifacts: 0,
      newThisPeriod: 0,
      actions: 0,
      overlapClusters: 0,
      scoredEntities: 0,
      averageScore: null,
    },
    teams: [],
    agents: [],
    newThisPeriod: [],
    overlapClusters: [],
    scoreDistribution: scoreDistribution([], sources.levelNames),
    activity: activitySummary(period, new Map(), new Map()),
  };
}

/**
 * `GET /overview`: what the organisation, or one team with its sub-teams, is building, from the
 * read model narrowed to what the caller may see in the catalog, with the activity in the period
 * counted from the action log as the caller may read it.
 */
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
  const view = sources.view();
  const { snapshot } = view;
  if (!snapshot) return emptyOverview(sources, options.query, view.message);

  const caller = await callerView(
    sources,
    { ...view, snapshot },
    options.credentials,
  );
  const { tree } = caller;
  if (owner && !tree.groups.has(owner)) {
    throw new NotFoundError(`No team ${owner} in the catalog`);
  }
  const teamRefs = owner ? tree.subtreeOf(owner) : [...tree.groups.keys()];
  const teamSet = new Set(teamRefs);
  const inScope = (e: OverviewEntity) =>
    !owner || Boolean(e.owner && teamSet.has(e.owner));
  const agents = caller.agents.filter(inScope);
  const artifacts = caller.artifacts.filter(inScope);
  const entities = [...agents, ...artifacts];
  const refs = entities.map(e => e.ref);
  const ownerRefs = owner ? teamRefs : undefined;
  const { actions } = sources;

  // The first actions over the whole log are in the snapshot; a caller who may read only some
  // actions is answered from those alone.
  const firstActions = async (types?: string[]) => {
    if (access !== undefined) {
      return actions.firstByTarget(refs, { types, access });
    }
    return types ? snapshot.firstCreated : snapshot.firstAction;
  };

  const [
    actionsByOwner,
    actionsByAgent,
    byDay,
    byType,
    lastByAgent,
    firstAction,
    firstCreated,
  ] = await Promise.all([
    actions.countBy('owner_ref', period, { ownerRefs, access }),
    actions.countBy('agent_ref', period, { access }),
    actions.countBy('day', period, { ownerRefs, access }),
    actions.countBy('type', period, { ownerRefs, access }),
    actions.lastByAgent(
      agents.map(a => a.ref),
      { access },
    ),
    firstActions(),
    firstActions([CREATED_ACTION_TYPE]),
  ]);

  const newThisPeriod: OverviewNewEntity[] = [];
  for (const entity of entities) {
    const at = firstAppearance(
      snapshot.firstSeen.get(entity.ref),
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
  // Results of entities in scope, and for a team only those evaluated under one of its teams.
  const results = snapshot.scores.filter(
    r =>
      scoped.has(r.entityRef) &&
      (!ownerRefs || (r.ownerRef !== null && teamSet.has(r.ownerRef))),
  );
  const scores = new Map(results.map(r => [r.entityRef, r.score]));
  // Whole clusters, but only those with a member in scope.
  const clusters = caller
    .clusters()
    .filter(cluster => cluster.members.some(m => scoped.has(m.entityRef)));

  return {
    period,
    owner: owner ?? null,
    indexReady: view.ready,
    ...(view.message ? { message: view.message } : {}),
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
        overlapPairs: caller.pairs,
      },
      teamRefs,
    ),
    agents: agentRows({
      agents,
      artifacts: caller.artifacts,
      actionsByAgent,
      lastByAgent,
    }),
    newThisPeriod,
    overlapClusters: clusters,
    scoreDistribution: scoreDistribution(results, sources.levelNames),
    activity: activitySummary(period, byDay, byType),
  };
}
