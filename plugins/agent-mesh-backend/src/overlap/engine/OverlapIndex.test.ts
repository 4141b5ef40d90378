import {
  OverlapSignal,
  OverlapSubject,
} from '@agent-mesh/plugin-agent-mesh-node';
import { OverlapIndex } from './OverlapIndex';
import { isOverlapEligible } from '@agent-mesh/plugin-agent-mesh-common';
import { subjectFromEntity } from './subject';
import { loadExampleEntities } from './__testUtils__/examples';
import { DEFAULT_OVERLAP_CONFIG } from './config';

const subjects = loadExampleEntities()
  .filter(e => isOverlapEligible(e))
  .map(subjectFromEntity);
const art = (name: string) => `aiartifact:default/${name}`;
const subjectOf = (ref: string) => subjects.find(s => s.entityRef === ref)!;
const aggregators = [
  art('brand-a-sales-aggregator'),
  art('brand-b-sales-rollup'),
  art('brand-c-revenue-dashboard-sync'),
];

function buildIndex(options?: ConstructorParameters<typeof OverlapIndex>[0]) {
  const index = new OverlapIndex(options);
  subjects.forEach(s => index.upsert(s));
  return index;
}

const refs = (matches: Array<{ entityRef: string }>) =>
  matches.map(m => m.entityRef);

describe('OverlapIndex on the demo organisation', () => {
  it('indexes the AI-built entities and the MCP servers', () => {
    expect(buildIndex().size).toBe(15);
  });

  it("finds the two teams' GitHub MCP servers as a duplicate", async () => {
    const [match] = await buildIndex().query('api:default/github-mcp-server');
    expect(match).toMatchObject({
      entityRef: 'api:default/ops-github-tools',
      kind: 'duplicate',
      crossTeam: true,
      reasons: expect.arrayContaining(['both integrate github']),
    });
    expect(match.score).toBeGreaterThanOrEqual(
      DEFAULT_OVERLAP_CONFIG.threshold,
    );
  });

  it('does not find MCP servers for different systems alike for being MCP servers', async () => {
    // The API that examples/mcp/sales-warehouse.server.json becomes in the demo catalog.
    const index = buildIndex();
    index.upsert(
      subjectFromEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: 'io.github.acme-sales-warehouse',
          title: 'Sales Warehouse MCP',
          description:
            'Read-only SQL over SALES_WAREHOUSE for agents: orders, deals, revenue by brand.',
        },
        spec: {
          type: 'mcp-server',
          lifecycle: 'production',
          owner: 'group:default/platform',
        },
      }),
    );
    const matches = await index.query(
      'api:default/io.github.acme-sales-warehouse',
    );
    expect(refs(matches)).not.toContain('api:default/github-mcp-server');
    expect(refs(matches)).not.toContain('api:default/ops-github-tools');
  });

  it('finds each sales aggregator from the other two, cross-team, with reasons', async () => {
    const index = buildIndex();
    for (const ref of aggregators) {
      const matches = await index.query(ref);
      const others = aggregators.filter(r => r !== ref);
      expect(refs(matches)).toEqual(expect.arrayContaining(others));
      for (const other of others) {
        const match = matches.find(m => m.entityRef === other)!;
        expect(match.score).toBeGreaterThanOrEqual(
          DEFAULT_OVERLAP_CONFIG.threshold,
        );
        expect(match.crossTeam).toBe(true);
        expect(match.reasons).toContainEqual(
          expect.stringMatching(/^both integrate shopify(, | and )salesforce/),
        );
        expect(match.reasons).toContain(
          'both depend on resource:default/sales-warehouse',
        );
        expect(match.reasons.some(r => r.startsWith('similar purpose:'))).toBe(
          true,
        );
      }
    }
    const ab = (await index.query(aggregators[0])).find(
      m => m.entityRef === aggregators[1],
    )!;
    expect(ab.reasons).toContain('same type: aggregator');
  });

  it('does not match the incident postmortem summarizer with the aggregators', async () => {
    const index = buildIndex();
    const matches = await index.query(art('incident-postmortem-summarizer'));
    for (const ref of aggregators) expect(refs(matches)).not.toContain(ref);
    for (const ref of aggregators) {
      expect(refs(await index.query(ref))).not.toContain(
        art('incident-postmortem-summarizer'),
      );
    }
  });

  it('matches the campaign attribution tool and the order sync integration', async () => {
    const index = buildIndex();
    const [match] = await index.query(art('campaign-attribution-tool'));
    expect(match.entityRef).toBe(art('order-sync-integration'));
    expect(match.crossTeam).toBe(true);
    expect(match.reasons[0]).toBe('both integrate hubspot and shopify');
  });

  it('matches the proposed weekly sales digest with all three aggregators', async () => {
    const index = buildIndex();
    const matches = await index.query(art('weekly-sales-digest'));
    expect(refs(matches)).toEqual(expect.arrayContaining(aggregators));
    const [best] = matches;
    expect(best.reasons.some(r => /similar purpose: .*sales/.test(r))).toBe(
      true,
    );
  });

  it('ranks cross-team matches before same-team ones', async () => {
    const index = buildIndex();
    const matches = await index.query(art('brand-b-sales-rollup'));
    const sameTeam = matches.findIndex(
      m => m.entityRef === 'component:default/brand-b-sales-api',
    );
    expect(sameTeam).toBeGreaterThan(0);
    expect(matches[sameTeam].crossTeam).toBe(false);
    expect(matches[sameTeam].reasons).toContain('shared tags: revenue, sales');
    const purpose = matches[sameTeam].reasons.find(r =>
      r.startsWith('similar purpose:'),
    );
    expect(purpose).toContain('roll-up');
    expect(purpose).not.toMatch(/\broll\b(?!-)/);
    expect(matches.slice(0, sameTeam).every(m => m.crossTeam)).toBe(true);
    expect(matches.slice(sameTeam).every(m => !m.crossTeam)).toBe(true);
  });

  it('finds nothing for the entities that overlap nothing', async () => {
    const index = buildIndex();
    for (const ref of [
      art('support-ticket-triage'),
      art('competitor-price-scraper'),
      'component:default/platform-ci-templates',
    ]) {
      expect(await index.query(ref)).toEqual([]);
    }
  });

  it('keeps the overlaps of a renamed entity', async () => {
    const index = buildIndex();
    const before = await index.query(aggregators[0]);
    const renamed = {
      ...subjectOf(aggregators[0]),
      entityRef: art('brand-a-weekly-sales'),
    };
    index.remove(aggregators[0]);
    index.upsert(renamed);
    const after = await index.query(renamed.entityRef);
    expect(refs(after)).toEqual(refs(before));
    expect(after.map(m => m.score)).toEqual(before.map(m => m.score));
    const fromB = refs(await index.query(aggregators[1]));
    expect(fromB).toContain(renamed.entityRef);
    expect(fromB).not.toContain(aggregators[0]);
  });

  it('drops a removed entity from every result', async () => {
    const index = buildIndex();
    expect(index.remove(aggregators[2])).toBe(true);
    expect(index.remove(aggregators[2])).toBe(false);
    expect(index.has(aggregators[2])).toBe(false);
    for (const s of subjects.filter(x => x.entityRef !== aggregators[2])) {
      expect(
        refs(await index.query(s.entityRef, { threshold: 0 })),
      ).not.toContain(aggregators[2]);
    }
    await expect(index.query(aggregators[2])).rejects.toThrow(
      'not in the overlap index',
    );
  });

  it('updates an entity in place', async () => {
    const index = buildIndex();
    index.upsert({
      ...subjectOf(art('incident-postmortem-summarizer')),
      title: 'Weekly Sales Roll-up',
      description:
        'Weekly sales roll-up of Shopify orders and Salesforce deals.',
      purpose: '',
      integrations: ['shopify', 'salesforce'],
      dependencies: ['resource:default/sales-warehouse'],
    });
    expect(index.size).toBe(15);
    expect(
      refs(await index.query(art('incident-postmortem-summarizer'))),
    ).toEqual(expect.arrayContaining(aggregators));
  });

  it('frees the keys, strings and owners of what churns through it', async () => {
    const index = buildIndex();
    const settled = index.holdings;
    // Entities that keep changing their words, tags, systems and owners, then go away.
    for (let round = 0; round < 4_000; round++) {
      const n = round % 50;
      index.upsert({
        entityRef: art(`churn-${n}`),
        kind: 'AiArtifact',
        title: `tool ${round}`,
        description: `word${round}a word${round}b report shopify orders`,
        purpose: `zq${round} xv${round}`,
        tags: [`tag-${round}`],
        integrations: [`system-${round}`, 'salesforce'],
        dependencies: [`resource:default/r${round}`],
        type: `type-${round}`,
        owner: `group:default/team-${round}`,
      });
    }
    expect(index.holdings.documents).toBe(settled.documents + 50);
    expect(index.holdings.keys).toBeLessThan(settled.keys + 50 * 20);
    for (let n = 0; n < 50; n++) index.remove(art(`churn-${n}`));
    expect(index.holdings).toEqual(settled);

    // Reused ids keep results as they were.
    const fresh = buildIndex();
    for (const ref of aggregators) {
      expect(await index.query(ref)).toEqual(await fresh.query(ref));
    }
  });

  it('returns the same results as brute force', async () => {
    const index = buildIndex();
    for (const s of subjects) {
      for (const threshold of [0, DEFAULT_OVERLAP_CONFIG.threshold]) {
        const options = { threshold, limit: 20 };
        expect(await index.query(s.entityRef, options)).toEqual(
          await index.bruteForce(s.entityRef, options),
        );
      }
    }
  });

  it('respects limit and threshold', async () => {
    const index = buildIndex();
    expect(await index.query(aggregators[0], { limit: 2 })).toHaveLength(2);
    const high = await index.query(aggregators[0], { threshold: 0.8 });
    expect(high.every(m => m.score >= 0.8)).toBe(true);
  });

  it('lists every match at a threshold equal to the score it reports', async () => {
    const index = buildIndex();
    let checked = 0;
    for (const s of subjects) {
      for (const match of await index.query(s.entityRef, {
        threshold: 0,
        limit: 20,
      })) {
        const atScore = await index.query(s.entityRef, {
          threshold: match.score,
          limit: 20,
        });
        expect(refs(atScore)).toContain(match.entityRef);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('checks free text before anything is built (POST /similar)', async () => {
    const index = buildIndex();
    const matches = await index.similarTo({
      description:
        'We want to build a weekly report that rolls up sales from our Shopify store and SFDC.',
      owner: 'group:default/operations',
    });
    expect(refs(matches).slice(0, 5)).toEqual(
      expect.arrayContaining([...aggregators, art('weekly-sales-digest')]),
    );
    expect(matches.slice(0, 5).every(m => m.crossTeam)).toBe(true);
    const unrelated = await index.similarTo({
      description: 'A rota planner for the warehouse forklift drivers',
    });
    expect(unrelated).toEqual([]);
  });
});

describe('extra overlap signals', () => {
  /** Pretends to be an embedding service that knows the copy tools and the summarizer alike. */
  const fakeEmbeddings: OverlapSignal = {
    id: 'embeddings',
    weight: 0.9,
    score: (a: OverlapSubject, b: OverlapSubject) => {
      const pair = [a.entityRef, b.entityRef].sort().join(' ');
      return pair ===
        [art('incident-postmortem-summarizer'), art('support-ticket-triage')]
          .sort()
          .join(' ')
        ? {
            score: 1,
            reasons: ['embeddings: both draft text for humans to approve'],
          }
        : { score: 0, reasons: [] };
    },
  };

  it('blends an extra signal in with its weight and shows its reasons', async () => {
    const without = await buildIndex().query(art('support-ticket-triage'), {
      threshold: 0,
    });
    const withSignal = await buildIndex({ signals: [fakeEmbeddings] }).query(
      art('support-ticket-triage'),
    );
    const before = without.find(
      m => m.entityRef === art('incident-postmortem-summarizer'),
    );
    expect(before?.score ?? 0).toBeLessThan(DEFAULT_OVERLAP_CONFIG.threshold);
    // Zendesk there, PagerDuty here: the same job (as the signal says) with other products.
    expect(withSignal[0]).toMatchObject({
      entityRef: art('incident-postmortem-summarizer'),
      kind: 'alternative',
      reasons: [
        'the same job with other products: zendesk here, pagerduty there',
        'embeddings: both draft text for humans to approve',
      ],
    });
    // An alternative scores its strength times the alternative factor.
    expect(withSignal[0].score).toBeGreaterThanOrEqual(
      0.9 * DEFAULT_OVERLAP_CONFIG.alternativeFactor,
    );
  });

  it('takes the weight from config over the signal default, and async signals', async () => {
    const asyncSignal: OverlapSignal = {
      ...fakeEmbeddings,
      score: async (a, b) => fakeEmbeddings.score(a, b),
    };
    const index = buildIndex({
      signals: [asyncSignal],
      config: { weights: { embeddings: 0 } },
    });
    const matches = await index.query(art('support-ticket-triage'));
    expect(refs(matches)).not.toContain(art('incident-postmortem-summarizer'));
  });
});
