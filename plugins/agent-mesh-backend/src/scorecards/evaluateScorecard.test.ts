import { Entity } from '@backstage/catalog-model';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import {
  EXAMPLES_NOW,
  fakeActivity,
  fakeOverlaps,
  findExample,
  loadExampleEntities,
} from './__testUtils__/examples';
import { builtInChecks } from './checks';
import { parseScorecardsConfig } from './config';
import { createScorecardContext } from './createScorecardContext';
import { createSnapshotSource } from './entitySources';
import { evaluateEntities } from './evaluateEntities';
import { evaluateScorecard } from './evaluateScorecard';
import { computeScore, levelFor } from './score';

const entities = loadExampleEntities();
const context = createScorecardContext({
  source: createSnapshotSource(entities),
  now: EXAMPLES_NOW,
  activityWindowDays: 30,
  overlaps: fakeOverlaps(),
  activity: fakeActivity(),
});
const config = parseScorecardsConfig({});
const evaluate = (entity: Entity, checks: ScorecardCheck[] = builtInChecks) =>
  evaluateScorecard(entity, { checks, config, context });

describe('evaluateScorecard', () => {
  it('scores the governed artifact above the bare one and gives it a level', async () => {
    const triage = await evaluate(
      findExample(entities, 'support-ticket-triage'),
    );
    const scraper = await evaluate(
      findExample(entities, 'competitor-price-scraper'),
    );
    expect(triage).toMatchObject({
      entityRef: 'aiartifact:default/support-ticket-triage',
      score: 100,
      level: 'Gold',
    });
    expect(triage.checks).toHaveLength(builtInChecks.length);
    expect(triage.checks[0]).toEqual({
      id: 'owner-team',
      title: 'Owned by a team with members',
      status: 'pass',
      detail: expect.any(String),
    });
    expect(scraper.score).toBeLessThan(50);
    expect(scraper.level).toBeNull();
    expect(
      scraper.checks.filter(c => c.status === 'fail').map(c => c.id),
    ).toEqual([
      'owner-team',
      'agent-sponsor',
      'description-purpose',
      'production-review',
      'source-or-docs',
    ]);
  });

  it('applies weights and filters from the config and includes custom checks', async () => {
    const custom: ScorecardCheck = {
      id: 'has-tags',
      title: 'Has tags',
      evaluate: e =>
        e.metadata.tags?.length
          ? { status: 'pass', detail: 'Tagged.' }
          : { status: 'fail', detail: 'Add metadata.tags.' },
    };
    const scraper = findExample(entities, 'competitor-price-scraper');
    const result = await evaluateScorecard(scraper, {
      checks: [builtInChecks.find(c => c.id === 'lifecycle')!, custom],
      config: parseScorecardsConfig({ checks: { 'has-tags': { weight: 3 } } }),
      context,
    });
    expect(result.checks.map(c => [c.id, c.status])).toEqual([
      ['lifecycle', 'pass'],
      ['has-tags', 'fail'],
    ]);
    expect(result.score).toBe(25);

    const filtered = await evaluateScorecard(scraper, {
      checks: builtInChecks,
      config: parseScorecardsConfig({
        checks: {
          'production-review': { appliesTo: { lifecycle: 'experimental' } },
          'source-or-docs': { enabled: false },
        },
      }),
      context,
    });
    expect(filtered.checks.map(c => c.id)).not.toContain('production-review');
    expect(filtered.checks.map(c => c.id)).not.toContain('source-or-docs');
  });

  it('turns failures into exempt with a valid exemption, back to fail when expired, and reports a malformed one', async () => {
    const scraper = findExample(entities, 'competitor-price-scraper');
    const base = await evaluate(scraper);
    const annotate = (value: string): Entity => ({
      ...scraper,
      metadata: {
        ...scraper.metadata,
        annotations: { 'agent-mesh.io/exemptions': value },
      },
    });
    const exempted = await evaluate(
      annotate(
        JSON.stringify([
          {
            check: 'production-review',
            reason: 'Being retired',
            grantedBy: 'user:default/lena-fischer',
            expires: '2026-12-31',
          },
        ]),
      ),
    );
    const review = exempted.checks.find(c => c.id === 'production-review')!;
    expect(review.status).toBe('exempt');
    expect(exempted.score).toBeGreaterThan(base.score);

    const expired = await evaluate(
      annotate(
        '[{"check":"production-review","reason":"r","grantedBy":"user:default/lena-fischer","expires":"2026-10-31"}]',
      ),
    );
    const expiredReview = expired.checks.find(
      c => c.id === 'production-review',
    )!;
    expect(expiredReview.status).toBe('fail');
    expect(expiredReview.detail).toContain('expired on 2026-10-31');

    const malformed = await evaluate(annotate('[{"check":'));
    expect(malformed.checks[malformed.checks.length - 1]).toMatchObject({
      id: 'exemptions-annotation',
      status: 'fail',
    });
    expect(malformed.score).toBeLessThan(base.score);
  });

  it('reports a throwing custom check as na instead of failing the whole scorecard', async () => {
    const broken: ScorecardCheck = {
      id: 'broken',
      title: 'Broken',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const result = await evaluate(
      findExample(entities, 'support-ticket-triage'),
      [broken],
    );
    expect(result.checks[0]).toMatchObject({ status: 'na' });
    expect(result.checks[0].detail).toContain('boom');
  });

  it('evaluates every example that has a scorecard', async () => {
    const results = await evaluateEntities(entities, {
      checks: builtInChecks,
      config,
      now: EXAMPLES_NOW,
      overlaps: fakeOverlaps(),
      activity: fakeActivity(),
    });
    // 8 agents, 11 artifacts, 2 built-by annotated components.
    expect(results).toHaveLength(21);
    const byRef = Object.fromEntries(results.map(r => [r.entityRef, r]));
    expect(byRef['aiartifact:default/support-ticket-triage'].ownerRef).toBe(
      'group:default/operations',
    );
    expect(
      byRef['aiartifact:default/brand-a-sales-aggregator'].checks.find(
        c => c.id === 'no-unacknowledged-overlap',
      )!.status,
    ).toBe('fail');
  });
});

describe('score and level', () => {
  it('weighs pass, warn at half, fail; ignores exempt and na', () => {
    expect(
      computeScore([
        { status: 'pass', weight: 2 },
        { status: 'warn', weight: 2 },
        { status: 'fail', weight: 4 },
        { status: 'exempt', weight: 10 },
        { status: 'na', weight: 10 },
      ]),
    ).toBe(37.5);
    expect(computeScore([{ status: 'na', weight: 1 }])).toBe(100);
  });

  it('picks the highest level reached', () => {
    const levels = parseScorecardsConfig({}).levels;
    expect(levelFor(49.9, levels)).toBeNull();
    expect(levelFor(50, levels)).toBe('Bronze');
    expect(levelFor(75, levels)).toBe('Silver');
    expect(levelFor(90, levels)).toBe('Gold');
  });
});
