import { Entity } from '@backstage/catalog-model';

const WORDS = [
  'sales',
  'orders',
  'revenue',
  'inventory',
  'campaign',
  'pricing',
  'returns',
  'tickets',
  'payments',
  'forecast',
  'churn',
  'loyalty',
  'shipping',
  'catalog',
  'reviews',
  'leads',
];
const SYSTEMS = [
  'shopify',
  'salesforce',
  'hubspot',
  'netsuite',
  'zendesk',
  'snowflake',
  'slack',
];

/** A deterministic pseudo-random generator, so that every run measures the same catalog. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A realistic organisation of `count` entities: teams of about 25 entities, each with people,
 * components and agents; half of the components carry the built-by annotation.
 */
export function generateCatalog(count: number, seed = 42): Entity[] {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const entities: Entity[] = [];
  const teams = Math.max(1, Math.round(count / 25));
  for (let t = 0; t < teams && entities.length < count; t++) {
    const team = `team-${t}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team },
      spec: { type: 'team', children: [] },
    });
    for (let u = 0; u < 3 && entities.length < count; u++) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: `${team}-person-${u}` },
        spec: { memberOf: [team] },
      });
    }
    for (let c = 0; c < 21 && entities.length < count; c++) {
      const topic = pick(WORDS);
      const a = pick(SYSTEMS);
      const b = pick(SYSTEMS);
      const annotations: Record<string, string> =
        c % 2 === 0
          ? { 'agent-mesh.io/built-by': `agent:default/${team}-agent` }
          : {};
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `${team}-${topic}-${c}`,
          description: `Syncs ${topic} between ${a} and ${b} for ${team}.`,
          tags: [topic, a, b].filter((v, i, all) => all.indexOf(v) === i),
          annotations,
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: `group:default/${team}`,
        },
      });
    }
  }
  return entities;
}
