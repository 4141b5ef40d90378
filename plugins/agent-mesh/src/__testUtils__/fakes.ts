import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  Action,
  GetOverlapsResponse,
  GetOverviewResponse,
  GetScorecardHistoryResponse,
  GetScorecardResponse,
  GetScorecardRollupResponse,
  OverviewTeam,
  OverviewTeamFigures,
} from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshApi } from '../api';

/**
 * An AgentMeshApi whose methods are jest mocks around the given implementations; the others
 * never settle (the loading state).
 */
export function fakeAgentMeshApi(
  implementations: Partial<AgentMeshApi> = {},
): jest.Mocked<AgentMeshApi> {
  const never = () => new Promise<never>(() => {});
  const mock = <K extends keyof AgentMeshApi>(name: K) => {
    const implementation = (implementations[name] ?? never) as (
      ...args: unknown[]
    ) => Promise<unknown>;
    return jest.fn(implementation) as unknown as jest.Mocked<AgentMeshApi>[K];
  };
  return {
    getOverlaps: mock('getOverlaps'),
    findSimilar: mock('findSimilar'),
    getScorecard: mock('getScorecard'),
    getScorecardHistory: mock('getScorecardHistory'),
    getRollup: mock('getRollup'),
    listActions: mock('listActions'),
    createActions: mock('createActions'),
    exportUrl: mock('exportUrl'),
    getOverview: mock('getOverview'),
  };
}

/** A ResponseError as the client throws it for a backend error. */
export async function responseError(
  status: number,
  message: string,
  name = status === 404 ? 'NotFoundError' : 'Error',
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: status === 404 ? 'Not Found' : 'Internal Server Error',
    ok: false,
    headers: new Map([['content-type', 'application/json']]),
    text: async () => body,
  } as unknown as Response);
}

export const artifact: Entity = {
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'AiArtifact',
  metadata: {
    name: 'brand-a-sales-aggregator',
    namespace: 'default',
    title: 'Brand A Sales Aggregator',
    annotations: {
      'agent-mesh.io/exemptions': JSON.stringify([
        {
          check: 'production-review',
          reason: 'Read-only prototype',
          grantedBy: 'user:default/lena-fischer',
          expires: '2999-12-31',
        },
        {
          check: 'source-or-docs',
          reason: 'Docs are coming',
          grantedBy: 'user:default/lena-fischer',
          expires: '2020-01-31',
        },
      ]),
    },
  },
  spec: {
    type: 'aggregator',
    owner: 'group:default/brand-a',
    lifecycle: 'production',
  },
};

export const agent: Entity = {
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name: 'brand-a-coder', namespace: 'default' },
  spec: {
    type: 'coding-agent',
    owner: 'group:default/brand-a',
    lifecycle: 'production',
  },
};

export const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'brand-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const plainComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain-service', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/platform' },
};

export const scorecard: GetScorecardResponse = {
  entityRef: 'aiartifact:default/brand-a-sales-aggregator',
  score: 86.7,
  level: 'Silver',
  checks: [
    {
      id: 'owner-team',
      title: 'Owned by a team with members',
      status: 'pass',
      detail: 'Owned by group:default/brand-a, which has members.',
    },
    {
      id: 'no-unacknowledged-overlap',
      title: 'No unacknowledged cross-team overlap',
      status: 'fail',
      detail:
        "Duplicates other teams' work: aiartifact:default/brand-b-sales-rollup (0.83). Talk to the other owners.",
    },
    {
      id: 'agent-sponsor',
      title: 'Agents have an accountable sponsor',
      status: 'warn',
      detail: 'Add spec.sponsor to agent:default/brand-a-coder.',
    },
    {
      id: 'production-review',
      title: 'Production artifacts are reviewed and classified',
      status: 'exempt',
      detail:
        'Exempt until 2999-12-31 (granted by user:default/lena-fischer: Read-only prototype).',
    },
    {
      id: 'recent-activity',
      title: 'Recent agent activity',
      status: 'na',
      detail: 'No activity lookup connected.',
    },
  ],
};

export const history: GetScorecardHistoryResponse = {
  entityRef: 'aiartifact:default/brand-a-sales-aggregator',
  items: [
    {
      evaluatedAt: '2026-11-24T12:00:00.000Z',
      score: 86.7,
      level: 'Silver',
      checks: [],
    },
    {
      evaluatedAt: '2026-11-23T12:00:00.000Z',
      score: 70,
      level: 'Bronze',
      checks: [],
    },
  ],
};

export const rollup: GetScorecardRollupResponse = {
  owner: 'group:default/brand-a',
  owners: ['group:default/brand-a', 'group:default/brand-a-data'],
  entityCount: 2,
  averageScore: 87.8,
  levels: { Gold: 0, Silver: 2, Bronze: 0, none: 0 },
  failingChecks: [
    {
      id: 'no-unacknowledged-overlap',
      title: 'No unacknowledged cross-team overlap',
      count: 1,
    },
  ],
  teams: [
    { owner: 'group:default/brand-a', entityCount: 2, averageScore: 87.8 },
  ],
  entities: [
    {
      entityRef: 'agent:default/brand-a-coder',
      owner: 'group:default/brand-a',
      score: 88.9,
      level: 'Silver',
    },
    {
      entityRef: 'aiartifact:default/brand-a-sales-aggregator',
      owner: 'group:default/brand-a',
      score: 86.7,
      level: 'Silver',
    },
  ],
};

export const overlaps: GetOverlapsResponse = {
  entityRef: 'aiartifact:default/brand-a-sales-aggregator',
  items: [
    {
      entityRef: 'aiartifact:default/brand-b-sales-rollup',
      title: 'Brand B Weekly Revenue Roll-up',
      owner: 'group:default/brand-b',
      score: 0.833,
      crossTeam: true,
      kind: 'duplicate',
      acknowledged: false,
      reasons: [
        'both integrate shopify, salesforce and snowflake',
        'same type: aggregator',
      ],
    },
    {
      entityRef: 'aiartifact:default/brand-a-old-aggregator',
      title: 'Brand A Old Aggregator',
      owner: 'group:default/brand-a',
      score: 0.612,
      crossTeam: false,
      kind: 'duplicate',
      acknowledged: true,
      reasons: ['shared tags: sales'],
    },
  ],
};

export function action(overrides: Partial<Action> = {}): Action {
  return {
    seq: 1,
    id: 'act-1',
    occurredAt: '2026-11-18T09:34:29.000Z',
    receivedAt: '2026-11-18T09:34:30.000Z',
    agent: 'brand-a-coder-bot',
    agentRef: 'agent:default/brand-a-coder',
    agentKnown: true,
    ownerRef: 'group:default/brand-a',
    type: 'pr.opened',
    target: 'aiartifact:default/brand-a-sales-aggregator',
    targetRef: 'aiartifact:default/brand-a-sales-aggregator',
    summary: 'Opened PR #42: add Snowflake export',
    status: 'success',
    prevHash: '0',
    hash: '1',
    ...overrides,
  };
}

const NO_FIGURES: OverviewTeamFigures = {
  artifacts: 0,
  agents: 0,
  newThisPeriod: 0,
  actions: 0,
  averageScore: null,
  crossTeamOverlaps: 0,
};

/** A team without sub-teams: all its figures are its own. */
function teamWithoutSubTeams(team: Omit<OverviewTeam, 'direct'>): OverviewTeam {
  const { teamRef: _ref, title: _title, parentRef: _parent, ...figures } = team;
  return { ...team, direct: figures };
}

/** An overview of two weeks of the demo organisation, trimmed to a few of each. */
export const overview: GetOverviewResponse = {
  period: {
    since: '2026-11-06T12:00:00.000Z',
    until: '2026-11-20T12:00:00.000Z',
  },
  owner: null,
  totals: {
    teams: 4,
    agents: 2,
    artifacts: 4,
    newThisPeriod: 1,
    actions: 42,
    overlapClusters: 1,
    scoredEntities: 5,
    averageScore: 71.4,
  },
  teams: [
    {
      teamRef: 'group:default/brands',
      title: 'Brands',
      artifacts: 3,
      agents: 2,
      newThisPeriod: 1,
      actions: 40,
      averageScore: 70,
      crossTeamOverlaps: 3,
      direct: NO_FIGURES,
    },
    teamWithoutSubTeams({
      teamRef: 'group:default/brand-a',
      title: 'Brand A',
      parentRef: 'group:default/brands',
      artifacts: 1,
      agents: 1,
      newThisPeriod: 0,
      actions: 25,
      averageScore: 80.5,
      crossTeamOverlaps: 2,
    }),
    teamWithoutSubTeams({
      teamRef: 'group:default/brand-b',
      title: 'Brand B',
      parentRef: 'group:default/brands',
      artifacts: 2,
      agents: 1,
      newThisPeriod: 1,
      actions: 15,
      averageScore: 62,
      crossTeamOverlaps: 2,
    }),
    {
      teamRef: 'group:default/empty-team',
      title: 'Pricing Guild',
      ...NO_FIGURES,
      direct: NO_FIGURES,
    },
  ],
  agents: [
    {
      agentRef: 'agent:default/brand-a-coder',
      title: 'Brand A Coding Agent',
      owner: 'group:default/brand-a',
      artifactsBuilt: 1,
      actions: 25,
      lastActivityAt: '2026-11-17T10:00:00.000Z',
    },
    {
      agentRef: 'agent:default/hackweek-agent',
      title: 'Hack Week Agent',
      artifactsBuilt: 1,
      actions: 0,
      lastActivityAt: null,
    },
  ],
  newThisPeriod: [
    {
      entityRef: 'component:default/brand-b-sales-api',
      kind: 'Component',
      title: 'Brand B Sales API',
      owner: 'group:default/brand-b',
      firstSeenAt: '2026-11-16T14:06:13.000Z',
      builtBy: ['agent:default/brand-b-coder'],
    },
  ],
  overlapClusters: [
    {
      label: '3 sales aggregators',
      kind: 'duplicate',
      members: [
        {
          entityRef: 'aiartifact:default/brand-a-sales-aggregator',
          title: 'Brand A Sales Aggregator',
          owner: 'group:default/brand-a',
        },
        {
          entityRef: 'aiartifact:default/brand-b-sales-rollup',
          title: 'Brand B Weekly Revenue Roll-up',
          owner: 'group:default/brand-b',
        },
        {
          entityRef: 'aiartifact:default/brand-c-revenue-dashboard-sync',
          title: 'Brand C Revenue Dashboard Sync',
          owner: 'group:default/brand-c',
        },
      ],
      owners: [
        'group:default/brand-a',
        'group:default/brand-b',
        'group:default/brand-c',
      ],
      reasons: ['both integrate shopify and salesforce'],
      maxScore: 0.723,
    },
  ],
  scoreDistribution: {
    byLevel: [
      { level: 'Gold', count: 1 },
      { level: 'Silver', count: 2 },
      { level: 'Bronze', count: 1 },
      { level: 'none', count: 1 },
    ],
    buckets: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i * 10 + 10,
      count: [0, 0, 0, 1, 0, 0, 1, 1, 1, 1][i],
    })),
  },
  activity: {
    byDay: [
      { day: '2026-11-16', count: 30 },
      { day: '2026-11-17', count: 12 },
      { day: '2026-11-18', count: 0 },
    ],
    byType: [
      { type: 'repo.commit', count: 30 },
      { type: 'pr.opened', count: 12 },
    ],
  },
};
