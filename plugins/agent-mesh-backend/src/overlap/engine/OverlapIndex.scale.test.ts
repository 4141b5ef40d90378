import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { OverlapIndex } from './OverlapIndex';

// More documents than a query scores fully, so that candidates come from the posting lists:
// teams that build the same few kinds of things, in their own words.
const JOBS = [
  ['sales', 'orders', 'shopify', 'aggregator'],
  ['support', 'tickets', 'zendesk', 'bot'],
  ['finance', 'invoices', 'netsuite', 'integration'],
  ['marketing', 'campaigns', 'hubspot', 'dashboard'],
  ['hr', 'candidates', 'greenhouse', 'workflow'],
  ['logistics', 'shipments', 'sap', 'service'],
];
const WORDS = [
  'weekly',
  'daily',
  'regional',
  'summary',
  'export',
  'alerts',
  'forecast',
  'sync',
  'report',
  'cleanup',
  'backlog',
  'digest',
  'review',
  'approval',
  'audit',
  'history',
];

function subjects(count: number): OverlapSubject[] {
  return Array.from({ length: count }, (_, i) => {
    const [domain, object, system, type] = JOBS[i % JOBS.length];
    const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length];
    return {
      entityRef: `aiartifact:default/work-${i}`,
      kind: 'AiArtifact',
      title: `${domain} ${object} ${w(1)}`,
      description: `Builds a ${w(2)} ${w(3)} of ${object} from ${system}.`,
      purpose: `${domain} teams need ${w(4)} ${object} ${w(5)}`,
      type,
      owner: `group:default/team-${i % 23}`,
      tags: [domain, w(6)],
      integrations: i % 3 ? [system] : [],
      dependencies: i % 4 ? [`resource:default/${domain}-db`] : [],
    };
  });
}

describe('OverlapIndex beyond the size it scores in full', () => {
  const all = subjects(600);
  const build = () => {
    const index = new OverlapIndex();
    all.forEach(s => index.upsert(s));
    return index;
  };

  it('finds the brute-force top ten, with the scorer’s scores', async () => {
    const index = build();
    let expected = 0;
    const found: Array<{ got: unknown; truth: unknown }> = [];
    for (const s of all.filter((_, i) => i % 20 === 0)) {
      const truth = await index.bruteForce(s.entityRef);
      const got = await index.query(s.entityRef);
      expect(got.length).toBeLessThanOrEqual(10);
      expected += truth.length;
      for (const match of truth) {
        const same = got.find(m => m.entityRef === match.entityRef);
        if (same) found.push({ got: same, truth: match });
      }
    }
    expect(expected).toBeGreaterThan(200);
    expect(found.length / expected).toBeGreaterThanOrEqual(0.95);
    // What the index finds, it scores exactly as the brute-force scan does.
    expect(found.map(f => f.got)).toEqual(found.map(f => f.truth));
  });

  it('follows updates, removals and renames', async () => {
    const index = build();
    const target = all[12];
    const before = await index.query(target.entityRef);
    expect(before.length).toBeGreaterThan(0);
    const [first] = before;

    index.remove(first.entityRef);
    const afterRemove = await index.query(target.entityRef);
    expect(afterRemove.map(m => m.entityRef)).not.toContain(first.entityRef);

    const renamed = {
      ...all.find(s => s.entityRef === first.entityRef)!,
      entityRef: 'aiartifact:default/renamed',
    };
    index.upsert(renamed);
    expect(index.size).toBe(all.length);
    const afterRename = await index.query(target.entityRef);
    expect(afterRename.map(m => m.entityRef)).toContain(renamed.entityRef);

    // An update that makes an unrelated entity a copy of the target is found at once.
    const copy = {
      ...target,
      entityRef: all[13].entityRef,
      owner: 'group:default/other',
    };
    index.upsert(copy);
    const matches = await index.query(target.entityRef);
    const match = matches.find(m => m.entityRef === copy.entityRef);
    expect(match?.score).toBeGreaterThan(0.9);
    expect(match?.score).toBe(matches[0].score);
  });
});
