import {
  EXAMPLES_NOW,
  fakeActivity,
  fakeOverlaps,
  findExample,
  loadExampleEntities,
} from '../__testUtils__/examples';
import { createScorecardContext } from '../createScorecardContext';
import { createSnapshotSource } from '../entitySources';
import { applyExemption } from '../exemptions';
import {
  activityCheck,
  lastActionIn,
  withoutLastActionTime,
} from './activityCheck';
import { entitiesNamedIn, overlapCheck, withoutEntities } from './overlapCheck';

const entities = loadExampleEntities();
const context = createScorecardContext({
  source: createSnapshotSource(entities),
  now: EXAMPLES_NOW,
  activityWindowDays: 30,
  overlaps: fakeOverlaps(),
  activity: fakeActivity(),
});

describe('what a detail names, and the detail without it', () => {
  it('finds and withholds the time of the last action, active or not', async () => {
    const active = await activityCheck.evaluate(
      findExample(entities, 'support-ticket-triage'),
      context,
    );
    expect(lastActionIn(active.detail)).toBe('2026-11-18T10:00:00.000Z');
    expect(withoutLastActionTime(active.detail)).toBe(
      'Last action (time withheld: you may not read that action in the action log), within 30 days.',
    );

    const idle = await activityCheck.evaluate(
      findExample(entities, 'competitor-price-scraper'),
      context,
    );
    const hidden = withoutLastActionTime(idle.detail);
    expect(hidden).not.toContain('2026-10-16');
    expect(hidden).toContain('possibly abandoned');
    expect(lastActionIn(hidden)).toBeUndefined();

    // An exemption keeps the detail it wraps, and so the time in it.
    const exempt = applyExemption(
      { id: activityCheck.id, title: '', ...idle },
      {
        check: activityCheck.id,
        reason: 'seasonal',
        grantedBy: 'group:default/platform',
        expires: '2027-01-01',
        expiresAtMs: Date.parse('2027-01-01'),
      },
      EXAMPLES_NOW,
    );
    expect(lastActionIn(exempt.detail)).toBe('2026-10-16T15:00:00.000Z');
    expect(withoutLastActionTime(exempt.detail)).not.toContain('2026-10-16');

    const never = await activityCheck.evaluate(
      findExample(entities, 'incident-postmortem-summarizer'),
      context,
    );
    expect(lastActionIn(never.detail)).toBeUndefined();
    expect(withoutLastActionTime(never.detail)).toBe(never.detail);
  });

  it('finds the entities the overlap check names and replaces the hidden ones, scores kept', async () => {
    const { detail } = await overlapCheck.evaluate(
      findExample(entities, 'brand-a-sales-aggregator'),
      context,
    );
    const named = entitiesNamedIn(detail);
    expect(named).toEqual([
      'aiartifact:default/brand-b-sales-rollup',
      'aiartifact:default/brand-c-revenue-dashboard-sync',
      'aiartifact:default/weekly-sales-digest',
    ]);
    const rewritten = withoutEntities(
      detail,
      new Set(['aiartifact:default/brand-b-sales-rollup']),
    );
    expect(rewritten).toMatch(
      /^Duplicates other teams' work: an entity you may not see \(0\.70\), aiartifact:default\/brand-c-revenue-dashboard-sync \(0\.70\), aiartifact:default\/weekly-sales-digest \(0\.70\)\. Talk to the other owners/,
    );
    // The advice names an annotation, not an entity.
    expect(rewritten).toContain('agent-mesh.io/acknowledged-overlaps');
    expect(entitiesNamedIn(rewritten)).toEqual(named.slice(1));
  });
});
