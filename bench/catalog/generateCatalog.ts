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

// Realistic AI-built work, for the overlap benchmarks: what teams write in catalog-info.yaml
// about what they built. Most entities do their own job; some jobs are done two to five times
// by different teams (the duplicates overlap detection is for), each team in its own words.

const DOMAINS = [
  'sales',
  'marketing',
  'finance',
  'payroll',
  'recruiting',
  'onboarding',
  'support',
  'logistics',
  'warehouse',
  'procurement',
  'pricing',
  'merchandising',
  'loyalty',
  'legal',
  'compliance',
  'security',
  'platform',
  'billing',
  'partner',
  'retail',
  'ecommerce',
  'growth',
  'product',
  'research',
  'facilities',
  'travel',
  'training',
  'quality',
  'risk',
  'treasury',
];
const OBJECTS = [
  'orders',
  'invoices',
  'leads',
  'opportunities',
  'campaigns',
  'tickets',
  'refunds',
  'returns',
  'shipments',
  'contracts',
  'candidates',
  'employees',
  'expenses',
  'budgets',
  'forecasts',
  'quotes',
  'subscriptions',
  'renewals',
  'churn',
  'inventory',
  'suppliers',
  'purchase orders',
  'catalogue entries',
  'price lists',
  'promotions',
  'coupons',
  'reviews',
  'surveys',
  'incidents',
  'alerts',
  'deployments',
  'releases',
  'access requests',
  'vulnerabilities',
  'audits',
  'policies',
  'meeting notes',
  'knowledge articles',
  'chat transcripts',
  'call recordings',
  'emails',
  'product feeds',
  'store visits',
  'footfall',
  'margins',
  'commissions',
  'territories',
  'accounts',
  'contacts',
  'web sessions',
  'conversions',
  'attribution',
  'ad spend',
  'keywords',
  'translations',
  'assets',
  'brand guidelines',
  'press releases',
  'job postings',
  'interviews',
  'timesheets',
  'shifts',
  'vendors',
  'payments',
  'chargebacks',
  'disputes',
  'fraud signals',
  'loyalty points',
  'gift cards',
  'warranty claims',
  'service appointments',
  'spare parts',
  'routes',
  'deliveries',
  'carrier rates',
  'customs documents',
  'sustainability metrics',
  'energy usage',
  'cloud costs',
  'licences',
  'laptops',
  'onboarding checklists',
  'okrs',
];
const ACTIONS: Array<[string, string[]]> = [
  ['sync', ['syncs', 'synchronises', 'keeps in step', 'mirrors']],
  ['aggregate', ['aggregates', 'rolls up', 'combines', 'collects']],
  ['summarize', ['summarizes', 'condenses', 'writes summaries of', 'digests']],
  ['classify', ['classifies', 'categorises', 'labels', 'sorts']],
  ['forecast', ['forecasts', 'predicts', 'projects', 'estimates']],
  ['reconcile', ['reconciles', 'matches', 'cross-checks', 'balances']],
  ['triage', ['triages', 'routes', 'prioritises', 'assigns']],
  ['report', ['reports on', 'builds weekly reports of', 'charts', 'tracks']],
  ['draft', ['drafts', 'writes first versions of', 'generates', 'composes']],
  ['validate', ['validates', 'checks', 'verifies', 'audits']],
  ['enrich', ['enriches', 'adds context to', 'augments', 'fills gaps in']],
  [
    'detect',
    [
      'detects anomalies in',
      'flags outliers in',
      'spots problems in',
      'watches',
    ],
  ],
  ['translate', ['translates', 'localises', 'adapts', 'converts']],
  [
    'deduplicate',
    ['deduplicates', 'merges duplicate', 'cleans up', 'consolidates'],
  ],
  [
    'notify',
    [
      'notifies owners about',
      'alerts on',
      'sends reminders about',
      'pings about',
    ],
  ],
  ['search', ['searches', 'answers questions about', 'finds', 'looks up']],
  ['approve', ['approves', 'pre-screens', 'reviews', 'signs off']],
  ['schedule', ['schedules', 'plans', 'books', 'allocates']],
];
const NOUNS: Record<string, string[]> = {
  service: ['service', 'api', 'backend'],
  integration: ['integration', 'connector', 'bridge', 'sync'],
  dashboard: ['dashboard', 'report', 'scorecard', 'cockpit'],
  workflow: ['workflow', 'automation', 'flow', 'playbook'],
  'internal-tool': ['tool', 'console', 'helper', 'workbench'],
  aggregator: ['aggregator', 'rollup', 'hub', 'collector'],
  bot: ['bot', 'assistant', 'copilot', 'agent'],
  'data-pipeline': ['pipeline', 'etl job', 'ingest', 'loader'],
  website: ['site', 'portal', 'page', 'microsite'],
};
const TYPES = Object.keys(NOUNS);
const TYPE_SHARE = [30, 15, 10, 10, 10, 5, 8, 8, 4];
const SYSTEMS_BY_USE = [
  'salesforce',
  'slack',
  'snowflake',
  'jira',
  'google-sheets',
  'shopify',
  'hubspot',
  'zendesk',
  'netsuite',
  'confluence',
  'github',
  'openai',
  'bigquery',
  'looker',
  'stripe',
  'sap',
  'microsoft-teams',
  'tableau',
  'marketo',
  'mailchimp',
  'intercom',
  'notion',
  'datadog',
  'sentry',
  'pagerduty',
  'anthropic',
  'power-bi',
  'braze',
  'contentful',
  'adyen',
  'databricks',
  'magento',
  'freshdesk',
  'amplitude',
  'mixpanel',
  'redshift',
  'airflow',
  'excel',
  'workday',
  'greenhouse',
  'coupa',
  'docusign',
  'gong',
  'outreach',
  'segment',
  'twilio',
  'sendgrid',
];
const FLAVOUR = [
  'daily',
  'weekly',
  'monthly',
  'nightly',
  'real-time',
  'hourly',
  'regional',
  'global',
  'emea',
  'apac',
  'americas',
  'store',
  'online',
  'wholesale',
  'b2b',
  'b2c',
  'enterprise',
  'smb',
  'manual',
  'spreadsheet',
  'copy-paste',
  'backlog',
  'errors',
  'delays',
  'mismatches',
  'gaps',
  'leadership',
  'managers',
  'analysts',
  'agents',
  'planners',
  'buyers',
  'recruiters',
  'lawyers',
  'accountants',
  'engineers',
  'designers',
  'field teams',
  'franchisees',
  'partners',
  'customers',
  'stakeholders',
  'executives',
  'quarterly review',
  'audit trail',
  'sla',
  'kpi',
  'threshold',
  'escalation',
  'approval',
  'handover',
  'cut-off',
  'month-end close',
  'peak season',
  'launch',
  'rollout',
  'migration',
  'pilot',
  'prototype',
  'faster',
  'cheaper',
  'accurate',
  'consistent',
  'single source of truth',
  'self-service',
  'visibility',
  'insight',
  'turnaround',
  'backfill',
  'history',
  'trend',
  'variance',
  'exceptions',
  'duplicates',
  'missing fields',
  'templates',
  'prompts',
  'embeddings',
  'llm',
  'retrieval',
  'chat',
  'voice',
  'mobile',
  'tablet',
  'kiosk',
  'pdf',
  'csv',
  'email digest',
  'slack channel',
  'webhook',
  'queue',
  'batch',
  'stream',
  'cache',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tu',
  've',
  'no',
  'si',
  'da',
  'pe',
  'zo',
  'an',
  'or',
  'el',
  'ix',
  'qu',
  'ber',
  'tan',
  'vor',
  'lin',
  'mar',
  'sol',
  'nex',
  'tri',
  'fa',
  'gu',
];

export interface AiBuiltWorkOptions {
  seed?: number;
  /** Owning teams; default one per 25 entities. */
  teams?: number;
  /** Share of jobs that more than one team does (two to five times). Default 0.12. */
  duplicatedJobs?: number;
}

/**
 * `count` AI-built entities owned by `teams` teams (`group:default/team-N`): AiArtifacts with
 * purpose, integrations and dependencies, and Components with the built-by annotation (their
 * systems in tags, their dependencies in dependsOn and consumesApis). Titles, descriptions and
 * purposes come from a few hundred business words, project code names and filler, so that
 * rare and common terms are spread as in a real catalog.
 */
export function generateAiBuiltWork(
  count: number,
  options: AiBuiltWorkOptions = {},
): Entity[] {
  const random = seededRandom(options.seed ?? 7);
  const teams = options.teams ?? Math.max(1, Math.round(count / 25));
  const duplicated = options.duplicatedJobs ?? 0.12;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  // Skewed: the first entries of a list are picked far more often than the last.
  const pickSkewed = <T>(list: T[]) =>
    list[Math.floor(random() ** 2.2 * list.length)];
  const pickType = () => {
    let r = random() * TYPE_SHARE.reduce((s, v) => s + v, 0);
    for (let i = 0; i < TYPES.length; i++) {
      r -= TYPE_SHARE[i];
      if (r < 0) return TYPES[i];
    }
    return TYPES[0];
  };
  const some = <T>(list: T[], n: number, skewed = false) => {
    const out = new Set<T>();
    for (let i = 0; i < n * 3 && out.size < n; i++) {
      out.add(skewed ? pickSkewed(list) : pick(list));
    }
    return [...out];
  };
  const codeName = () => {
    const n = 2 + Math.floor(random() * 2);
    let name = '';
    for (let i = 0; i < n; i++) name += pick(SYLLABLES);
    return name;
  };
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const entities: Entity[] = [];
  let job = 0;
  while (entities.length < count) {
    job++;
    const domain = pickSkewed(DOMAINS);
    const object = pick(OBJECTS);
    const [action, verbs] = pick(ACTIONS);
    const type = pickType();
    const systems = some(SYSTEMS_BY_USE, Math.floor(random() * 4), true);
    const sharedDeps = some(
      [
        `resource:default/${domain}-warehouse`,
        `api:default/${object.replace(/ /g, '-')}-api`,
        `resource:default/${domain}-${object.replace(/ /g, '-')}-db`,
      ],
      Math.floor(random() * 3),
    );
    const copies =
      random() < duplicated ? 2 + Math.floor(random() ** 1.5 * 4) : 1;
    const firstTeam = Math.floor(random() * teams);
    for (let copy = 0; copy < copies && entities.length < count; copy++) {
      // Copies of a job belong to different teams and are written independently.
      const team = `team-${(firstTeam + copy * 7919) % teams}`;
      const name = `${team}-${action}-${object.replace(
        / /g,
        '-',
      )}-${job}-${copy}`;
      const noun = pick(NOUNS[type]);
      const code = codeName();
      const title =
        random() < 0.4
          ? `${capital(code)} ${object} ${noun}`
          : `${capital(domain)} ${object} ${noun}`;
      const mine = systems.filter(() => random() < 0.8);
      if (copy > 0 && random() < 0.3) {
        const extra = pickSkewed(SYSTEMS_BY_USE);
        if (!mine.includes(extra)) mine.push(extra);
      }
      const via = mine.length
        ? ` from ${mine.slice(0, -1).join(', ')}${
            mine.length > 1 ? ' and ' : ''
          }${mine[mine.length - 1]}`
        : '';
      const description = `${capital(
        pick(verbs),
      )} ${domain} ${object}${via} for ${pick(FLAVOUR)} ${pick(
        FLAVOUR,
      )}. ${capital(some(FLAVOUR, 3).join(', '))}.`;
      const purpose = `${capital(domain)} teams ${pick([
        'spent hours on',
        'lost track of',
        'kept asking about',
        'had no overview of',
        'duplicated work on',
      ])} ${object}; ${code} ${pick(verbs)} them ${pick([
        'so that',
        'and',
        'which means',
      ])} ${some(FLAVOUR, 4).join(' ')} ${pick([
        'improve',
        'stay visible',
        'get fixed',
        'come first',
      ])}.`;
      const tags = [
        ...new Set([
          domain,
          ...some(
            FLAVOUR.filter(f => !f.includes(' ')),
            1 + Math.floor(random() * 2),
          ),
          ...(random() < 0.3 ? ['genai'] : []),
          ...(random() < 0.5 ? [action] : []),
        ]),
      ];
      const deps = sharedDeps.filter(() => random() < 0.7);
      if (random() < 0.3) deps.push(`resource:default/${team}-db`);
      const owner = `group:default/${team}`;
      const builtBy = `agent:default/${team}-${pick([
        'coder',
        'assistant',
        'builder',
      ])}`;
      if (random() < 0.6) {
        entities.push({
          apiVersion: 'agent-mesh.io/v1alpha1',
          kind: 'AiArtifact',
          metadata: { name, title, description, tags },
          spec: {
            type,
            owner,
            lifecycle: pick([
              'production',
              'experimental',
              'production',
              'proposed',
            ]),
            purpose,
            integrations: mine,
            builtBy: [builtBy],
            dependsOn: deps,
          },
        });
      } else {
        entities.push({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name,
            title,
            description: `${description} ${purpose}`,
            tags: [...new Set([...tags, ...mine])],
            annotations: { 'agent-mesh.io/built-by': builtBy },
          },
          spec: {
            type,
            lifecycle: 'production',
            owner,
            dependsOn: deps.filter(d => d.startsWith('resource:')),
            consumesApis: deps.filter(d => d.startsWith('api:')),
          },
        });
      }
    }
  }
  return entities;
}
