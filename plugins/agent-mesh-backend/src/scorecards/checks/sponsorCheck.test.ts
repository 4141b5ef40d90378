import { Entity } from '@backstage/catalog-model';
import { EXAMPLES_NOW } from '../__testUtils__/examples';
import { createScorecardContext } from '../createScorecardContext';
import { createSnapshotSource } from '../entitySources';
import { sponsorCheck } from './sponsorCheck';

const agent = (name: string, sponsor?: string): Entity => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name },
  spec: {
    type: 'coding-agent',
    owner: 'group:default/platform',
    lifecycle: 'production',
    ...(sponsor ? { sponsor } : {}),
  },
});

const catalog: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane' },
    spec: { memberOf: ['group:default/platform'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'disbanded' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'billing' },
    spec: { type: 'service', owner: 'platform', lifecycle: 'production' },
  },
  agent('jane-sponsored', 'jane'),
  agent('team-sponsored', 'group:default/platform'),
  agent('unsponsored'),
  agent('orphan', 'user:default/left-last-year'),
  agent('empty-group', 'group:default/disbanded'),
  agent('odd-sponsor', 'component:default/billing'),
];

const context = createScorecardContext({
  source: createSnapshotSource(catalog),
  now: EXAMPLES_NOW,
  activityWindowDays: 30,
});

const evaluate = (entity: Entity) => sponsorCheck.evaluate(entity, context);
const byName = (name: string) =>
  catalog.find(e => e.metadata.name === name && e.kind === 'Agent')!;

describe('agent-sponsor', () => {
  it('passes an agent sponsored by a User or by a Group with members', async () => {
    expect(await evaluate(byName('jane-sponsored'))).toEqual({
      status: 'pass',
      detail: 'Sponsored by jane.',
    });
    expect(await evaluate(byName('team-sponsored'))).toEqual({
      status: 'pass',
      detail: 'Sponsored by group:default/platform.',
    });
  });

  it('fails an agent without a sponsor', async () => {
    expect(await evaluate(byName('unsponsored'))).toEqual({
      status: 'fail',
      detail:
        'The agent has no sponsor. Set spec.sponsor to the person or team accountable for it, e.g. user:default/jane.',
    });
  });

  it('fails an orphaned agent, naming the sponsor that is gone or empty', async () => {
    const orphan = await evaluate(byName('orphan'));
    expect(orphan.status).toBe('fail');
    expect(orphan.detail).toMatch(
      /^The agent names sponsor user:default\/left-last-year, who is not in the catalog \(an orphaned agent\)\./,
    );
    const emptyGroup = await evaluate(byName('empty-group'));
    expect(emptyGroup.status).toBe('fail');
    expect(emptyGroup.detail).toMatch(
      /names sponsor group:default\/disbanded, a group without members \(an orphaned agent\)/,
    );
  });

  it('fails a sponsor that is neither a User nor a Group', async () => {
    const result = await evaluate(byName('odd-sponsor'));
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(
      /names sponsor component:default\/billing, a Component, not a User or Group/,
    );
  });

  it('fails what an orphaned agent built, naming the agent and its sponsor', async () => {
    const artifact: Entity = {
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'AiArtifact',
      metadata: { name: 'nightly-report' },
      spec: {
        type: 'workflow',
        owner: 'platform',
        lifecycle: 'production',
        builtBy: ['jane-sponsored', 'agent:default/orphan'],
      },
    };
    const result = await evaluate(artifact);
    expect(result.status).toBe('fail');
    expect(result.detail).toBe(
      "agent:default/orphan names sponsor user:default/left-last-year, who is not in the catalog (an orphaned agent). Ask the agent's owner to set spec.sponsor on it.",
    );
  });
});
