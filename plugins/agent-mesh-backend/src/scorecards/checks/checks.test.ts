import { Entity } from '@backstage/catalog-model';
import {
  EXAMPLES_NOW,
  fakeActivity,
  fakeOverlaps,
  findExample,
  loadExampleEntities,
} from '../__testUtils__/examples';
import { createScorecardContext } from '../createScorecardContext';
import { createSnapshotSource } from '../entitySources';
import { builtInChecks } from '.';

const entities = loadExampleEntities();
const context = createScorecardContext({
  source: createSnapshotSource(entities),
  now: EXAMPLES_NOW,
  activityWindowDays: 30,
  overlaps: fakeOverlaps(),
  activity: fakeActivity(),
});

async function statuses(entity: Entity) {
  const result: Record<string, string> = {};
  for (const check of builtInChecks) {
    result[check.id] = (await check.evaluate(entity, context)).status;
  }
  return result;
}

describe('built-in checks on the example organisation', () => {
  it('passes every check for support-ticket-triage', async () => {
    expect(
      await statuses(findExample(entities, 'support-ticket-triage')),
    ).toEqual({
      'owner-team': 'pass',
      'built-by-agents': 'pass',
      'agent-sponsor': 'pass',
      'description-purpose': 'pass',
      lifecycle: 'pass',
      'production-review': 'pass',
      'no-unacknowledged-overlap': 'pass',
      'recent-activity': 'pass',
      'source-or-docs': 'pass',
    });
  });

  it('fails competitor-price-scraper on the named checks', async () => {
    const scraper = findExample(entities, 'competitor-price-scraper');
    expect(await statuses(scraper)).toEqual({
      'owner-team': 'fail',
      'built-by-agents': 'pass',
      'agent-sponsor': 'fail',
      'description-purpose': 'fail',
      lifecycle: 'pass',
      'production-review': 'fail',
      'no-unacknowledged-overlap': 'pass',
      'recent-activity': 'warn',
      'source-or-docs': 'fail',
    });
    const byId = Object.fromEntries(
      await Promise.all(
        builtInChecks.map(
          async c =>
            [c.id, (await c.evaluate(scraper, context)).detail] as const,
        ),
      ),
    );
    expect(byId['owner-team']).toContain(
      'group:default/empty-team has no members',
    );
    expect(byId['agent-sponsor']).toContain(
      'agent:default/hackweek-agent has no sponsor',
    );
    expect(byId['description-purpose']).toContain('metadata.description');
    expect(byId['description-purpose']).toContain('spec.purpose');
    expect(byId['production-review']).toContain('spec.reviewers');
    expect(byId['production-review']).toContain('spec.dataClassification');
    expect(byId['recent-activity']).toContain('possibly abandoned');
    expect(byId['recent-activity']).toContain('2026-10-16');
  });

  it('treats proposed work as not running yet', async () => {
    expect(
      await statuses(findExample(entities, 'weekly-sales-digest')),
    ).toEqual({
      'owner-team': 'pass',
      'built-by-agents': 'na',
      'agent-sponsor': 'na',
      'description-purpose': 'pass',
      lifecycle: 'pass',
      'production-review': 'na',
      'no-unacknowledged-overlap': 'warn',
      'recent-activity': 'na',
      'source-or-docs': 'na',
    });
  });

  it('fails unacknowledged cross-team overlap, passes acknowledged overlap', async () => {
    const [aggregator] = await Promise.all([
      statuses(findExample(entities, 'brand-a-sales-aggregator')),
    ]);
    expect(aggregator['no-unacknowledged-overlap']).toBe('fail');
    expect(
      (await statuses(findExample(entities, 'campaign-copy-studio')))[
        'no-unacknowledged-overlap'
      ],
    ).toBe('pass');
  });

  it('checks the sponsor of agents and leaves artifact checks na', async () => {
    expect(
      await statuses(findExample(entities, 'hackweek-agent')),
    ).toMatchObject({
      'agent-sponsor': 'fail',
      'built-by-agents': 'na',
      'production-review': 'na',
      'no-unacknowledged-overlap': 'na',
    });
    expect(
      (await statuses(findExample(entities, 'ops-workflow-agent')))[
        'agent-sponsor'
      ],
    ).toBe('pass');
  });

  it('follows the built-by annotation and finds owners through sub-teams', async () => {
    const ci = await statuses(findExample(entities, 'platform-ci-templates'));
    expect(ci['built-by-agents']).toBe('pass');
    expect(ci['agent-sponsor']).toBe('pass');
    // acme has no direct members, but its sub-teams do.
    expect(await context.hasMembers('group:default/acme')).toBe(true);
    expect(await context.hasMembers('group:default/empty-team')).toBe(false);
  });

  it('reports unknown agents and owners with what to do', async () => {
    const entity: Entity = {
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'AiArtifact',
      metadata: { name: 'ghost' },
      spec: {
        type: 'tool',
        owner: 'group:default/nobody',
        builtBy: ['agent:default/missing'],
      },
    };
    const byId = Object.fromEntries(
      await Promise.all(
        builtInChecks.map(async c => [c.id, await c.evaluate(entity, context)]),
      ),
    );
    expect(byId['owner-team'].status).toBe('fail');
    expect(byId['owner-team'].detail).toContain('not in the catalog');
    expect(byId['built-by-agents'].status).toBe('fail');
    expect(byId['built-by-agents'].detail).toContain('agent:default/missing');
    expect(byId.lifecycle.status).toBe('fail');
    expect(byId['recent-activity'].detail).toContain('No action in the log');
  });

  it('fails on duplicate work and only warns on alternatives', async () => {
    const triage = findExample(entities, 'support-ticket-triage');
    const overlap = builtInChecks.find(
      c => c.id === 'no-unacknowledged-overlap',
    )!;
    const withOverlaps = (
      ...items: Array<{ entityRef: string; kind: 'duplicate' | 'alternative' }>
    ) =>
      createScorecardContext({
        source: createSnapshotSource(entities),
        now: EXAMPLES_NOW,
        activityWindowDays: 30,
        overlaps: {
          overlapsOf: async () =>
            items.map(i => ({
              ...i,
              crossTeam: true,
              acknowledged: false,
              score: 0.6,
            })),
        },
      });
    const alternative = {
      entityRef: 'aiartifact:default/freshdesk-triage',
      kind: 'alternative' as const,
    };
    const duplicate = {
      entityRef: 'aiartifact:default/zendesk-triage',
      kind: 'duplicate' as const,
    };
    expect(await overlap.evaluate(triage, withOverlaps(alternative))).toEqual({
      status: 'warn',
      detail: expect.stringMatching(
        /^Other teams do the same job with other products: aiartifact:default\/freshdesk-triage \(0\.60\)\. Consider standardising on one/,
      ),
    });
    const both = await overlap.evaluate(
      triage,
      withOverlaps(duplicate, alternative),
    );
    expect(both.status).toBe('fail');
    expect(both.detail).toMatch(
      /^Duplicates other teams' work: aiartifact:default\/zendesk-triage \(0\.60\)\..* Alternatives \(the same job with other products\): aiartifact:default\/freshdesk-triage/,
    );
  });

  it('is na for overlaps and activity when no lookup is connected', async () => {
    const bare = createScorecardContext({
      source: createSnapshotSource(entities),
      now: EXAMPLES_NOW,
      activityWindowDays: 30,
    });
    const triage = findExample(entities, 'support-ticket-triage');
    const overlap = builtInChecks.find(
      c => c.id === 'no-unacknowledged-overlap',
    )!;
    const activity = builtInChecks.find(c => c.id === 'recent-activity')!;
    expect((await overlap.evaluate(triage, bare)).status).toBe('na');
    expect((await activity.evaluate(triage, bare)).status).toBe('na');
  });
});
