import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { CorpusStats } from './corpus';
import { toDocument } from './document';
import {
  combine,
  structureEvidence,
  textSimilarity,
  weightedDice,
} from './scoring';
import { DEFAULT_OVERLAP_WEIGHTS } from './config';

function subject(partial: Partial<OverlapSubject>): OverlapSubject {
  return {
    entityRef: 'aiartifact:default/x',
    kind: 'AiArtifact',
    title: '',
    description: '',
    purpose: '',
    tags: [],
    integrations: [],
    dependencies: [],
    ...partial,
  };
}

describe('combine', () => {
  it('stays in 0..1 and only ever adds evidence', () => {
    const weights = DEFAULT_OVERLAP_WEIGHTS;
    const text = {
      signal: 'text',
      score: 0.4,
      reasons: ['similar purpose: x'],
    };
    const none = { signal: 'integrations', score: 0, reasons: [] };
    const some = {
      signal: 'integrations',
      score: 1,
      reasons: ['both integrate y'],
    };
    expect(combine([text], weights).score).toBeCloseTo(0.4);
    expect(combine([text, none], weights).score).toBeCloseTo(0.4);
    const both = combine([text, some], weights);
    expect(both.score).toBeCloseTo(1 - 0.6 * 0.4);
    expect(both.reasons).toEqual(['both integrate y', 'similar purpose: x']);
    const all = combine(
      Object.keys(weights).map(signal => ({ signal, score: 1, reasons: [] })),
      weights,
    );
    expect(all.score).toBeLessThanOrEqual(1);
    expect(combine([], weights).score).toBe(0);
  });

  it('ignores signals without a weight', () => {
    expect(
      combine(
        [{ signal: 'unknown', score: 1, reasons: ['r'] }],
        DEFAULT_OVERLAP_WEIGHTS,
      ),
    ).toEqual(expect.objectContaining({ score: 0, reasons: [] }));
  });
});

describe('weightedDice', () => {
  it('weighs rare shared values more than common ones', () => {
    const stats = new CorpusStats();
    const docs = [
      ['slack', 'shopify'],
      ['slack'],
      ['slack'],
      ['slack', 'shopify'],
    ].map(integrations => toDocument(subject({ integrations })));
    docs.forEach(d => stats.add(d));
    const rare = weightedDice(
      ['shopify', 'x'],
      ['shopify', 'y'],
      'integration',
      stats,
    );
    const common = weightedDice(
      ['slack', 'x'],
      ['slack', 'y'],
      'integration',
      stats,
    );
    expect(rare.shared).toEqual(['shopify']);
    expect(rare.score).toBeGreaterThan(common.score);
    expect(weightedDice([], ['a'], 'integration', stats).score).toBe(0);
  });
});

describe('structureEvidence', () => {
  it('counts a dependency that most of the catalog shares for little, a rare one in full', () => {
    const stats = new CorpusStats();
    const warehouse = 'resource:default/sales-warehouse';
    const ledger = 'resource:default/returns-ledger';
    const docs = Array.from({ length: 20 }, (_, i) =>
      toDocument(
        subject({
          entityRef: `aiartifact:default/d${i}`,
          dependencies: i < 2 ? [warehouse, ledger] : [warehouse],
        }),
      ),
    );
    docs.forEach(d => stats.add(d));
    const dependencies = (x: number, y: number) =>
      structureEvidence(docs[x], docs[y], stats).find(
        e => e.signal === 'dependencies',
      )!;
    // Only the warehouse, which all 20 read: nothing to go on.
    expect(dependencies(2, 3).score).toBe(0);
    // The ledger that only these two read as well.
    const rare = dependencies(0, 1);
    expect(rare.score).toBeGreaterThan(0.5);
    expect(rare.reasons).toEqual([`both depend on ${warehouse} and ${ledger}`]);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same text, 0 for disjoint text, and names the shared terms', () => {
    const stats = new CorpusStats();
    const a = toDocument(
      subject({ title: 'Weekly sales roll-up', description: 'orders' }),
    );
    const b = toDocument(
      subject({ title: 'Weekly sales roll-up', description: 'deals' }),
    );
    const c = toDocument(subject({ title: 'Incident postmortems' }));
    [a, b, c].forEach(d => stats.add(d));
    expect(textSimilarity(a, a, stats).score).toBeCloseTo(1);
    expect(textSimilarity(a, c, stats).score).toBe(0);
    const ab = textSimilarity(a, b, stats);
    expect(ab.score).toBeGreaterThan(0.5);
    expect(ab.reasons[0]).toMatch(/^similar purpose: .*roll-up/);
    expect(ab.reasons[0]).toContain('weekly');
  });
});

describe('what known systems say about the job', () => {
  const corpus = (subjects: Array<Partial<OverlapSubject>>) => {
    const stats = new CorpusStats();
    const docs = subjects.map(s => toDocument(subject(s)));
    docs.forEach(d => stats.add(d));
    return { stats, docs };
  };

  it('reads a system of a kind of job as the words of that job', () => {
    const {
      stats,
      docs: [sentry, rollbar, wiz],
    } = corpus([
      { title: 'Sentry', description: 'View Sentry issues' },
      { title: 'Rollbar', description: 'View Rollbar errors for services' },
      { title: 'Wiz', description: 'View Wiz issues status' },
      { title: 'Weekly sales report' },
    ]);
    const same = textSimilarity(sentry, rollbar, stats);
    expect(same.reasons).toEqual(['similar purpose: error, tracking']);
    expect(same.score).toBeGreaterThan(
      textSimilarity(sentry, wiz, stats).score,
    );
    expect(
      structureEvidence(sentry, rollbar, stats).find(
        e => e.signal === 'systemCategories',
      )?.reasons,
    ).toEqual(['both use error-tracking systems (sentry and rollbar)']);
  });

  it('does not read platforms that any job uses as the words of a job', () => {
    const {
      stats,
      docs: [a, b],
    } = corpus([
      { description: 'Posts the weekly sales report to Slack' },
      { description: 'Triage of incoming support tickets in Microsoft Teams' },
      { description: 'Something else' },
    ]);
    expect(textSimilarity(a, b, stats).score).toBe(0);
    expect(
      structureEvidence(a, b, stats).find(e => e.signal === 'systemCategories')
        ?.score,
    ).toBe(0);
  });
});

describe('type', () => {
  it('says nothing when every entity has the same type', () => {
    const stats = new CorpusStats();
    const docs = ['a', 'b', 'c'].map(title =>
      toDocument(subject({ title, type: 'service' })),
    );
    docs.forEach(d => stats.add(d));
    const type = (x: number, y: number) =>
      structureEvidence(docs[x], docs[y], stats).find(
        e => e.signal === 'type',
      )!;
    expect(type(0, 1).score).toBe(0);
    stats.add(toDocument(subject({ title: 'd', type: 'dashboard' })));
    stats.add(toDocument(subject({ title: 'e', type: 'dashboard' })));
    expect(type(0, 1).score).toBeGreaterThan(0);
    expect(type(0, 1).reasons).toEqual(['same type: service']);
  });
});

describe('short descriptions', () => {
  it('do not look alike for one shared word, but a copy is still a copy', () => {
    const stats = new CorpusStats();
    const [a, b, c, d] = [
      'Cost insights',
      'Tech insights',
      'Weekly cost insights for cloud accounts, by team and by service',
      'Weekly cost insights for cloud accounts, by team and by project',
    ].map(title => toDocument(subject({ title })));
    [a, b, c, d].forEach(doc => stats.add(doc));
    // Two two-word titles that share one word, against two long ones that share most.
    expect(textSimilarity(a, b, stats).score).toBeLessThan(0.3);
    expect(textSimilarity(c, d, stats).score).toBeGreaterThan(0.6);
    expect(
      textSimilarity(a, toDocument(subject({ title: 'Cost insights' })), stats)
        .score,
    ).toBe(1);
  });
});

describe('the same product on both sides', () => {
  const corpus = (subjects: Array<Partial<OverlapSubject>>) => {
    const stats = new CorpusStats();
    const docs = subjects.map(s => toDocument(subject(s)));
    docs.forEach(d => stats.add(d));
    return { stats, docs };
  };
  const integrations = (
    a: ReturnType<typeof toDocument>,
    b: ReturnType<typeof toDocument>,
    stats: CorpusStats,
  ) => structureEvidence(a, b, stats).find(e => e.signal === 'integrations')!;

  it('counts a platform in full when one side is a connector to it, half when both only build on it', () => {
    const {
      stats,
      docs: [k8s, costs, prs, insights],
    } = corpus([
      { title: 'Kubernetes', integrations: ['kubernetes'] },
      {
        title: 'Pod cost report',
        description: 'Spend per namespace',
        integrations: ['kubernetes'],
      },
      { title: 'GitHub Pull Requests', integrations: ['github'] },
      { title: 'GitHub Insights', integrations: ['github'] },
      { title: 'Weekly sales report' },
    ]);
    expect(k8s.connectors).toEqual(['kubernetes']);
    expect(costs.connectors).toEqual([]);
    expect(prs.connectors).toEqual([]);
    const connector = integrations(k8s, costs, stats);
    const platform = integrations(prs, insights, stats);
    expect(connector.reasons).toEqual(['both integrate kubernetes']);
    expect(platform.reasons).toEqual(['both integrate github']);
    expect(connector.score).toBeCloseTo(0.5);
    expect(platform.score).toBeLessThan(connector.score / 2);
  });

  it('reads two connectors to the same system as that system integrated twice, whatever else they name', () => {
    const {
      stats,
      docs: [notion, notionChat, k8s, k8sServer],
    } = corpus([
      {
        title: 'Notion',
        description: 'An MCP server for the Notion API',
        integrations: ['notion'],
      },
      {
        title: 'Notion',
        description: 'Search and update pages through Claude chat',
        integrations: ['notion'],
      },
      { title: 'Kubernetes', integrations: ['kubernetes'] },
      {
        title: 'Kubernetes and OpenShift',
        description: 'Manage pods and deployments',
        integrations: ['kubernetes', 'openshift'],
      },
      { title: 'Weekly sales report' },
    ]);
    expect(notionChat.integrations).toContain('anthropic');
    expect(integrations(notion, notionChat, stats)).toMatchObject({
      score: 1,
      reasons: ['both integrate notion'],
    });
    expect(k8sServer.connectors).toEqual(['kubernetes', 'openshift']);
    expect(integrations(k8s, k8sServer, stats).score).toBe(1);
  });

  it("reads a vendor's sub-product in a title as the connector, not the vendor", () => {
    const {
      stats,
      docs: [aws, s3],
    } = corpus([
      { title: 'AWS', integrations: ['aws'] },
      { title: 'AWS S3', integrations: ['aws-s3'] },
      { title: 'Weekly sales report' },
    ]);
    expect(aws.connectors).toEqual(['aws']);
    expect(s3.connectors).toEqual(['aws-s3']);
    expect(integrations(aws, s3, stats).score).toBeLessThan(0.5);
  });

  it('reads a system that one side declares and the other names in its text as shared', () => {
    const {
      stats,
      docs: [gateway, mysql, mongo],
    } = corpus([
      {
        title: 'DBHub',
        description:
          'Universal database gateway for MySQL, PostgreSQL and SQLite',
      },
      { title: 'MySQL', integrations: ['mysql'] },
      { title: 'MongoDB', integrations: ['mongodb'] },
      { title: 'Weekly sales report' },
    ]);
    expect(integrations(gateway, mysql, stats).reasons).toEqual([
      'both integrate mysql',
    ]);
    expect(integrations(mysql, gateway, stats).score).toBeGreaterThan(0);
    expect(integrations(gateway, mongo, stats).score).toBe(0);
  });
});

describe('words that no other entity uses', () => {
  const dbhub = subject({
    title: 'DBHub',
    description: 'Universal database server for MySQL and PostgreSQL',
  });
  const ydb = subject({ title: 'YDB', description: 'Query YDB databases' });
  /** Unrelated entities, none with a word of the two above. */
  const others = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      subject({
        title: `Team ${i} onboarding checklist`,
        description: `Welcome packs for hire cohort ${i}`,
      }),
    );
  function scoreIn(
    catalog: OverlapSubject[],
    [a, b]: [OverlapSubject, OverlapSubject],
  ) {
    const stats = new CorpusStats();
    const docs = [a, b].map(s => ({ ...toDocument(s), inCorpus: true }));
    [...docs, ...catalog.map(toDocument)].forEach(d => stats.add(d));
    return textSimilarity(docs[0], docs[1], stats).score;
  }
  // The same catalog, where a third entity also names both projects.
  const namesUsedElsewhere = subject({
    title: 'DBHub and YDB notes',
    description: 'Team notes',
  });

  it('do not count against a pair in a catalog large enough to tell', () => {
    const catalog = others(120);
    const own = scoreIn(catalog, [dbhub, ydb]);
    const shared = scoreIn([...catalog, namesUsedElsewhere], [dbhub, ydb]);
    expect(own).toBeGreaterThan(1.5 * shared);
    expect(own).toBeLessThan(1);
  });

  it('count as before in a small catalog, where most words are one entity’s', () => {
    const catalog = others(10);
    const own = scoreIn(catalog, [dbhub, ydb]);
    const shared = scoreIn([...catalog, namesUsedElsewhere], [dbhub, ydb]);
    expect(own).toBeLessThan(shared * 1.2);
  });
});
