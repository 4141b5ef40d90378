#!/usr/bin/env node
/*
 * Generates examples/actions.ndjson: the stream of agent actions of the demo
 * organisation (see examples/README.md), one ActionInput per line.
 *
 *   node examples/scripts/generate-actions.js
 *
 * Deterministic: a fixed seed, no dependencies, no clock. Running it twice
 * gives the same file byte for byte.
 *
 * The stream covers the six weeks before 2026-11-20 and tells this story:
 *  - brand-a, brand-b and brand-c each build a sales aggregator with their own
 *    coding agent, in parallel, in the same weeks;
 *  - marketing builds the campaign attribution tool and operations the order
 *    sync integration, both on Shopify orders and HubSpot contacts;
 *  - marketing registers the proposed weekly-sales-digest and checks for
 *    similar work first;
 *  - the platform dependency updater opens weekly update pull requests;
 *  - the hack week agent worked on competitor-price-scraper in the first week
 *    only: no activity on it in the last 30 days;
 *  - a handful of actions come from agents that are not in the catalog.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const SEED = 20261120;
const WINDOW_START = Date.UTC(2026, 9, 9); // 2026-10-09T00:00:00Z, 6 weeks before
const WINDOW_END = Date.UTC(2026, 10, 20); // 2026-11-20T00:00:00Z (exclusive)
const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;
const OUT = path.resolve(__dirname, '..', 'actions.ndjson');
const GIT = 'https://github.example/acme';

// ---------------------------------------------------------------- randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = arr => arr[Math.floor(rand() * arr.length)];
const chance = p => rand() < p;
const hex = n => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
};

// ---------------------------------------------------------------- time

const dayStart = d => WINDOW_START + d * DAY;
const isWeekend = t => {
  const wd = new Date(t).getUTCDay();
  return wd === 0 || wd === 6;
};
/**
 * A business-hours moment (08:00-17:59 UTC) on day d (days counted from
 * WINDOW_START). A weekend day moves to a weekday of the same week
 * (or to the Monday after, at the start of the window).
 */
function businessTime(d) {
  const wd = new Date(dayStart(d)).getUTCDay();
  let day = d;
  if (wd === 6) day = d - int(1, 5); // a weekday of the same week
  if (wd === 0) day = d - int(2, 6);
  if (day < 0) day = d + (wd === 6 ? 2 : 1); // the Monday after
  return dayStart(day) + int(8 * 60, 17 * 60 + 30) * MIN + int(0, 59) * 1000;
}
/** Moves forward by a few minutes to hours, staying in business hours. */
function later(t, minMinutes, maxMinutes) {
  let next = t + int(minMinutes, maxMinutes) * MIN + int(0, 59) * 1000;
  const hour = new Date(next).getUTCHours();
  if (hour >= 18 || hour < 8) {
    // carry over to the next weekday morning
    let day = Math.floor((next - WINDOW_START) / DAY);
    if (hour >= 18) day += 1;
    next = dayStart(day);
    while (isWeekend(next)) next += DAY;
    next += int(8 * 60, 10 * 60) * MIN + int(0, 59) * 1000;
  }
  return next;
}

// ---------------------------------------------------------------- the cast

const AGENTS = {
  'brand-a-coder': {
    ids: ['brand-a-coder-01', 'brand-a-bot'],
    model: 'claude-sonnet-4-5',
    users: ['alice-nguyen', 'ben-carter', 'chloe-dubois'],
  },
  'brand-b-coder': {
    ids: ['brand-b-coder-01', 'brand-b-bot'],
    model: 'gpt-5',
    users: ['diego-santos', 'emma-johansson'],
  },
  'brand-c-coder': {
    ids: ['brand-c-coder-01', 'brand-c-bot'],
    model: 'gemini-2.5-pro',
    users: ['farah-ali', 'george-mensah', 'hana-sato'],
  },
  'marketing-assistant': {
    ids: ['marketing-assistant-01', 'mkt-copilot'],
    model: 'claude-sonnet-4-5',
    users: ['maya-lindqvist', 'tom-okafor', 'priya-raman'],
  },
  'ops-workflow-agent': {
    ids: ['ops-workflow-01', 'ops-automation-bot'],
    model: 'gpt-5-mini',
    users: ['daniel-kowalski', 'sofia-marquez', 'kenji-watanabe'],
  },
  'dependency-updater': {
    ids: ['dependency-updater', 'platform-renovate-bot'],
    model: 'claude-haiku-4-5',
    users: ['lena-fischer'],
  },
  'platform-coder': {
    ids: ['platform-coder-01', 'platform-bot'],
    model: 'claude-opus-4-1',
    users: ['omar-haddad', 'lena-fischer'],
  },
  'hackweek-agent': {
    ids: ['hackweek-agent-2026', 'hackweek-agent-2026'],
    model: 'gpt-4o',
    users: [], // acts on behalf of nobody
  },
};

/**
 * How the agent shows up: pull requests and comments come from the bot
 * account, telemetry-ish events from the gen_ai.agent.id, the rest from the
 * catalog ref. Mixed on purpose, so that resolution of all forms is exercised.
 */
function agentId(name, type) {
  const a = AGENTS[name];
  const ref = `agent:default/${name}`;
  if (type.startsWith('pr.') || type === 'issue.commented') {
    return chance(0.7) ? a.ids[1] : ref;
  }
  if (type === 'repo.commit' || type === 'tool.call' || type === 'test.run') {
    return chance(0.6) ? a.ids[0] : ref;
  }
  return chance(0.85) ? ref : a.ids[0];
}

// ---------------------------------------------------------------- output

const actions = [];

function emit(a) {
  const t = a.t;
  if (t < WINDOW_START || t >= WINDOW_END) return; // stays inside the window
  const out = {
    occurredAt: new Date(t).toISOString(),
    agent: a.agent,
    type: a.type,
  };
  if (a.target) out.target = a.target;
  if (a.onBehalfOf) out.onBehalfOf = `user:default/${a.onBehalfOf}`;
  out.summary = a.summary;
  out.status = a.status || 'success';
  if (a.traceId) {
    out.traceId = a.traceId;
    out.spanId = hex(16);
  }
  if (a.model) {
    out.model = a.model;
    out.inputTokens = a.inputTokens;
    out.outputTokens = a.outputTokens;
  }
  if (a.attributes) out.attributes = a.attributes;
  actions.push(out);
}

function llm(agentName, small) {
  return {
    model: AGENTS[agentName].model,
    inputTokens: small ? int(800, 6000) : int(4000, 64000),
    outputTokens: small ? int(80, 900) : int(300, 7000),
  };
}

// ---------------------------------------------------------------- work streams

const prCounters = {};
const nextPr = repo => {
  prCounters[repo] = (prCounters[repo] || int(3, 40)) + 1;
  return prCounters[repo];
};

/**
 * One task of a coding agent: commits, a pull request, tests, a merge and
 * sometimes a deploy. Returns the time of the last event.
 */
function task(ws, spec, t) {
  const agent = ws.agent;
  const user = pick(AGENTS[agent].users);
  const traceId = chance(0.75) ? hex(32) : undefined;
  const branch = `agent/${spec.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)}`;
  const base = { onBehalfOf: user, traceId };
  const repo = spec.repo || ws.repo;
  const target = spec.target || ws.target;

  for (const msg of spec.commits || [spec.title]) {
    emit({
      ...base,
      t,
      agent: agentId(agent, 'repo.commit'),
      type: 'repo.commit',
      target,
      summary: msg,
      ...llm(agent),
      attributes: { repo: `acme/${repo}`, branch, sha: hex(40) },
    });
    t = later(t, 6, 70);
  }
  for (const call of spec.tools || []) {
    const failed = chance(0.07);
    emit({
      ...base,
      t,
      agent: agentId(agent, 'tool.call'),
      type: 'tool.call',
      target,
      summary: failed
        ? `${call[1]} (failed: ${call[2] || 'upstream error'})`
        : call[1],
      status: failed ? 'failure' : 'success',
      ...llm(agent, true),
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': call[0],
      },
    });
    t = later(t, 2, 25);
  }
  const pr = nextPr(repo);
  const prUrl = `${GIT}/${repo}/pull/${pr}`;
  ws.lastPrOpenedAt = t;
  emit({
    ...base,
    t,
    agent: agentId(agent, 'pr.opened'),
    type: 'pr.opened',
    target: prUrl,
    summary: `Opened PR #${pr}: ${spec.title}`,
    ...llm(agent, true),
    attributes: { repo: `acme/${repo}`, pr, branch },
  });
  t = later(t, 3, 20);
  let testsFailed = chance(0.18);
  emit({
    ...base,
    t,
    agent: agentId(agent, 'test.run'),
    type: 'test.run',
    target: prUrl,
    summary: testsFailed
      ? `Tests failed on PR #${pr}: ${pick(ws.failures)}`
      : `Tests passed on PR #${pr} (${int(12, 240)} tests)`,
    status: testsFailed ? 'failure' : 'success',
    attributes: { repo: `acme/${repo}`, pr },
  });
  if (testsFailed) {
    t = later(t, 10, 60);
    emit({
      ...base,
      t,
      agent: agentId(agent, 'repo.commit'),
      type: 'repo.commit',
      target,
      summary: `Fix failing tests on PR #${pr}`,
      ...llm(agent),
      attributes: { repo: `acme/${repo}`, branch, sha: hex(40), pr },
    });
    t = later(t, 3, 20);
    emit({
      ...base,
      t,
      agent: agentId(agent, 'test.run'),
      type: 'test.run',
      target: prUrl,
      summary: `Tests passed on PR #${pr} after fix`,
      attributes: { repo: `acme/${repo}`, pr },
    });
  }
  if (chance(0.1)) {
    t = later(t, 30, 240);
    emit({
      ...base,
      t,
      agent: agentId(agent, 'issue.commented'),
      type: 'issue.commented',
      target: prUrl,
      summary: `Answered review comment on PR #${pr}`,
      ...llm(agent, true),
    });
  }
  if (chance(0.92)) {
    t = later(t, 40, 600);
    emit({
      ...base,
      t,
      agent: agentId(agent, 'pr.merged'),
      type: 'pr.merged',
      target: prUrl,
      summary: `Merged PR #${pr}: ${spec.title}`,
      attributes: {
        repo: `acme/${repo}`,
        pr,
        approvedBy: `user:default/${user}`,
      },
    });
    if (ws.deploys && chance(spec.deploy === false ? 0 : 0.45)) {
      t = later(t, 15, 120);
      const failed = chance(0.06);
      ws.version = ws.version || [1, 0, 0];
      ws.version[1] += 1;
      const version = ws.version.join('.');
      emit({
        ...base,
        t,
        agent: agentId(agent, 'deploy'),
        type: 'deploy',
        target,
        summary: failed
          ? `Deploy of ${repo} ${version} to ${ws.deploys} failed, rolled back`
          : `Deployed ${repo} ${version} to ${ws.deploys}`,
        status: failed ? 'failure' : 'success',
        attributes: { environment: ws.deploys, version },
      });
    }
  }
  return t;
}

/** Runs the tasks of a work stream spread over [fromDay, toDay]. */
function stream(ws) {
  const agent = ws.agent;
  const span = ws.toDay - ws.fromDay;
  let createdAt = 0;
  if (ws.created) {
    const t = businessTime(ws.fromDay);
    createdAt = t;
    emit({
      t,
      agent: agentId(agent, 'artifact.created'),
      type: 'artifact.created',
      target: ws.target,
      onBehalfOf: ws.created.by,
      summary: ws.created.summary,
      ...llm(agent, true),
      attributes: { repo: `acme/${ws.repo}` },
    });
  }
  ws.tasks.forEach((spec, i) => {
    const day =
      ws.fromDay + Math.floor(((i + rand() * 0.8) * span) / ws.tasks.length);
    // nothing happens in a repository before it was created
    // ... and tasks start one after another (they may overlap in review)
    const start = Math.max(
      businessTime(day),
      createdAt ? later(createdAt, 10, 60) : 0,
      ws.lastPrOpenedAt ? later(ws.lastPrOpenedAt, 20, 180) : 0,
    );
    task(ws, spec, start);
  });
}

// Brand A: the first of the three sales aggregators.
stream({
  agent: 'brand-a-coder',
  repo: 'brand-a-sales-aggregator',
  target: 'aiartifact:default/brand-a-sales-aggregator',
  deploys: 'production',
  fromDay: 10,
  toDay: 37,
  created: {
    by: 'alice-nguyen',
    summary:
      'Created repository acme/brand-a-sales-aggregator and registered it in the catalog',
  },
  failures: [
    'Shopify fixture missing currency field',
    'SOQL mock returned unexpected opportunity stage',
    'timezone assertion off by one day',
  ],
  tasks: [
    {
      title: 'Scaffold sales aggregator service and CI',
      commits: [
        'Scaffold brand-a-sales-aggregator from the node template',
        'Add CI pipeline from platform-ci-templates',
      ],
      deploy: false,
    },
    {
      title: "Fetch last week's orders from the Shopify Admin API",
      commits: [
        'Add Shopify Admin GraphQL client',
        'Page through orders with cursor pagination',
      ],
      tools: [
        [
          'shopify.graphql',
          'Inspected the order schema in the Brand A Shopify sandbox store',
          'rate limited',
        ],
      ],
    },
    {
      title: 'Pull closed-won wholesale opportunities from Salesforce',
      commits: [
        'Add Salesforce client with JWT bearer auth',
        'Query closed-won opportunities by close date',
      ],
      tools: [
        [
          'salesforce.soql',
          'Ran SOQL against the Salesforce sandbox: closed-won opportunities of the last 7 days',
          'REQUEST_LIMIT_EXCEEDED',
        ],
      ],
    },
    { title: 'Convert order totals to EUR with ECB daily rates' },
    {
      title: 'Drop wholesale orders that appear in both Shopify and Salesforce',
      commits: [
        'Match wholesale orders to opportunities by PO number',
        'Add de-duplication tests',
      ],
    },
    {
      title: 'Aggregate weekly sales per channel and region',
      tools: [
        [
          'python.exec',
          "Compared the aggregated W43 totals with finance's spreadsheet: 0.4% difference",
        ],
      ],
    },
    {
      title: 'Post the weekly sales roll-up to #brand-a-sales in Slack',
      tools: [
        [
          'slack.chat.postMessage',
          'Posted a test roll-up to #brand-a-sales-test',
        ],
      ],
    },
    {
      title: 'Write weekly totals to SALES_WAREHOUSE.BRAND_A_WEEKLY',
      tools: [
        ['snowflake.query', 'Created table SALES_WAREHOUSE.BRAND_A_WEEKLY'],
      ],
    },
    { title: 'Retry Shopify requests on 429 with exponential backoff' },
    {
      title: 'Handle refunds and partial refunds in weekly totals',
      commits: [
        'Subtract refunds in the week they were issued',
        'Add refund fixtures',
      ],
    },
    {
      title: 'Schedule the roll-up for Mondays 06:00 and alert on failed runs',
    },
  ],
});

// Brand B: the same idea, different words: a weekly revenue roll-up and an API.
stream({
  agent: 'brand-b-coder',
  repo: 'brand-b-sales-rollup',
  target: 'aiartifact:default/brand-b-sales-rollup',
  deploys: 'production',
  fromDay: 11,
  toDay: 36,
  created: {
    by: 'diego-santos',
    summary:
      'Created repository acme/brand-b-sales-rollup and registered the revenue roll-up in the catalog',
  },
  failures: [
    'SFDC opportunity fixture out of date',
    'channel split does not sum to total',
    'snapshot mismatch in weekly report',
  ],
  tasks: [
    { title: 'Bootstrap the weekly revenue roll-up job', deploy: false },
    {
      title: 'Load D2C web shop orders from Shopify',
      tools: [
        [
          'shopify.rest.orders',
          'Listed 250 sample orders from the Brand B web shop',
        ],
      ],
    },
    {
      title: 'Load retail-partner opportunities from SFDC',
      commits: [
        'Add SFDC REST client',
        'Load won retail-partner opportunities per week',
      ],
      tools: [
        [
          'sfdc.query',
          'Queried SFDC for won retail-partner opportunities of W43',
          'INVALID_SESSION_ID',
        ],
      ],
    },
    { title: 'Split revenue by channel: web vs retail partners' },
    {
      title: 'Merge weekly revenue into SALES_WAREHOUSE.BRAND_B_REVENUE',
      tools: [
        [
          'snowflake.query',
          'MERGE into SALES_WAREHOUSE.BRAND_B_REVENUE for W43',
        ],
      ],
    },
    { title: 'Reconcile SFDC opportunity amounts with invoiced amounts' },
    {
      title: 'Backfill 2025 weekly revenue for year-over-year comparison',
      tools: [['snowflake.query', 'Backfilled 52 weeks of 2025 revenue']],
    },
  ],
});
stream({
  agent: 'brand-b-coder',
  repo: 'brand-b-sales-api',
  target: 'component:default/brand-b-sales-api',
  deploys: 'production',
  fromDay: 17,
  toDay: 38,
  created: {
    by: 'emma-johansson',
    summary:
      'Created repository acme/brand-b-sales-api for serving the weekly revenue roll-up',
  },
  failures: [
    'contract test against the OpenAPI definition failed',
    'cache TTL test flaky',
  ],
  tasks: [
    { title: 'Create the brand-b-sales-api service skeleton', deploy: false },
    { title: 'Add GET /weeks/{isoWeek}/rollup endpoint' },
    { title: 'Cache roll-up responses for 15 minutes' },
    { title: 'Publish the OpenAPI definition of the sales roll-up API' },
  ],
});

// Brand C: a third take on the same weekly sales numbers, as a dashboard sync.
stream({
  agent: 'brand-c-coder',
  repo: 'brand-c-revenue-dashboard-sync',
  target: 'aiartifact:default/brand-c-revenue-dashboard-sync',
  deploys: 'staging',
  fromDay: 12,
  toDay: 39,
  created: {
    by: 'farah-ali',
    summary:
      'Created repository acme/brand-c-revenue-dashboard-sync and registered it in the catalog',
  },
  failures: [
    'week boundary test fails for Europe/Berlin',
    'Looker API mock not configured',
    'product line mapping incomplete',
  ],
  tasks: [
    { title: 'Set up the revenue dashboard sync project', deploy: false },
    {
      title:
        'Sync storefront transactions and subscription renewals from Shopify',
      tools: [
        [
          'shopify.graphql',
          'Read subscription renewal transactions from the Brand C store',
        ],
      ],
    },
    {
      title: 'Fetch B2B bookings from the CRM (Salesforce)',
      tools: [
        [
          'salesforce.soql',
          'Queried Salesforce bookings for the last 4 weeks',
          'API limit reached',
        ],
      ],
    },
    { title: 'Map Shopify product types to product lines' },
    { title: 'Compute weekly revenue per product line' },
    {
      title: 'Refresh the Looker revenue dashboard after each sync',
      tools: [
        [
          'looker.dashboards.refresh',
          'Refreshed Looker dashboard "Brand C revenue"',
        ],
      ],
    },
    { title: 'Show week-over-week change on the dashboard tiles' },
    { title: 'Fix week boundaries: use Europe/Berlin instead of UTC' },
  ],
});
stream({
  agent: 'brand-c-coder',
  repo: 'brand-c-product-copy-writer',
  target: 'aiartifact:default/brand-c-product-copy-writer',
  deploys: 'staging',
  fromDay: 4,
  toDay: 30,
  created: {
    by: 'hana-sato',
    summary:
      'Created repository acme/brand-c-product-copy-writer and registered it in the catalog',
  },
  failures: [
    'claims check flagged an approved claim',
    'Contentful fixture missing locale',
  ],
  tasks: [
    {
      title: 'Prototype product copy generation from product sheets',
      tools: [
        [
          'llm.generate',
          'Drafted copy for 5 sample products from their product sheets',
        ],
      ],
    },
    {
      title: 'Load the ingredient glossary from Contentful',
      tools: [
        ['contentful.entries', 'Read 312 glossary entries from Contentful'],
      ],
    },
    { title: 'Check drafted claims against the approved-claims list' },
    { title: 'Push drafts to Contentful as unpublished entries' },
  ],
});

// Marketing: the campaign attribution tool (overlaps operations' order sync).
stream({
  agent: 'marketing-assistant',
  repo: 'campaign-attribution-tool',
  target: 'aiartifact:default/campaign-attribution-tool',
  deploys: 'production',
  fromDay: 3,
  toDay: 31,
  created: {
    by: 'maya-lindqvist',
    summary:
      'Created repository acme/campaign-attribution-tool and registered it in the catalog',
  },
  failures: [
    'HubSpot contact fixture has no email',
    'GA4 sample response changed shape',
  ],
  tasks: [
    { title: 'Create the campaign attribution tool', deploy: false },
    {
      title: 'Import Shopify orders nightly',
      tools: [
        [
          'shopify.graphql',
          'Exported 30 days of Shopify orders for all brands',
        ],
      ],
    },
    {
      title: 'Match orders to HubSpot contacts by email',
      tools: [
        [
          'hubspot.crm.contacts.search',
          'Matched 1,204 of 1,290 orders to HubSpot contacts',
        ],
      ],
    },
    {
      title: 'Join Google Analytics session source and UTM campaign',
      tools: [
        [
          'google-analytics.runReport',
          'Ran a GA4 report: sessions by source and campaign, last 30 days',
          'quota exceeded',
        ],
      ],
    },
    { title: 'Revenue per campaign view with date filters' },
    { title: 'Add first-touch and last-touch attribution models' },
    { title: 'Export campaign revenue as CSV for the monthly review' },
  ],
});
// Marketing: the copy studio (acknowledged overlap with Brand C's copy writer).
stream({
  agent: 'marketing-assistant',
  repo: 'campaign-copy-studio',
  target: 'aiartifact:default/campaign-copy-studio',
  deploys: 'production',
  fromDay: 3,
  toDay: 40,
  failures: [
    'tone-of-voice fixture missing for Brand B',
    'Slack webhook mock not called',
  ],
  tasks: [
    { title: 'Campaign brief form and draft generation' },
    {
      title: 'Load tone-of-voice guides per brand from Contentful',
      tools: [
        [
          'contentful.entries',
          'Read tone-of-voice guides for brand-a, brand-b and brand-c',
        ],
      ],
    },
    { title: 'Generate email subject line variants' },
    { title: 'Send drafts for review to #copy-review in Slack' },
    { title: 'Track which drafts the copywriters keep' },
  ],
});

// Operations: the order sync integration (overlaps marketing's attribution tool).
stream({
  agent: 'ops-workflow-agent',
  repo: 'order-sync-integration',
  target: 'aiartifact:default/order-sync-integration',
  deploys: 'production',
  fromDay: 3,
  toDay: 34,
  created: {
    by: 'daniel-kowalski',
    summary:
      'Created repository acme/order-sync-integration and registered it in the catalog',
  },
  failures: [
    'NetSuite sandbox returned 503',
    'HubSpot deal association test failed',
  ],
  tasks: [
    { title: 'Set up the order sync integration', deploy: false },
    {
      title: 'Subscribe to Shopify orders/create webhooks',
      tools: [
        [
          'shopify.webhooks.create',
          'Registered orders/create webhook on the staging store',
        ],
      ],
    },
    {
      title: 'Create NetSuite sales orders from Shopify orders',
      tools: [
        [
          'netsuite.rest.salesOrder',
          'Created 3 test sales orders in the NetSuite sandbox',
          'SSS_REQUEST_LIMIT_EXCEEDED',
        ],
      ],
    },
    { title: 'Create NetSuite invoices on fulfilment' },
    {
      title: 'Find or create the HubSpot contact for each order',
      tools: [
        [
          'hubspot.crm.contacts.search',
          'Looked up HubSpot contacts for 50 recent Shopify orders',
        ],
      ],
    },
    { title: 'Write orders onto HubSpot contacts as deals' },
    { title: 'Dead-letter queue and replay for failed syncs' },
    { title: 'Map Shopify refunds to NetSuite credit memos' },
  ],
});
// Operations: maintenance of the well-governed support triage workflow.
stream({
  agent: 'ops-workflow-agent',
  repo: 'support-ticket-triage',
  target: 'aiartifact:default/support-ticket-triage',
  deploys: 'production',
  fromDay: 4,
  toDay: 38,
  failures: ['classifier regression on the golden set'],
  tasks: [
    { title: "Add a 'subscription' topic to the ticket classifier" },
    { title: 'Route damaged-delivery tickets to the claims queue' },
    { title: 'Lower urgency for auto-replies and out-of-office tickets' },
  ],
});
// ...and the workflow doing its job: triaging tickets every working day.
{
  const topics = [
    ['delivery', 'Delivery'],
    ['returns', 'Returns'],
    ['product-question', 'Product questions'],
    ['complaint', 'Complaints'],
    ['subscription', 'Subscriptions'],
  ];
  let ticket = 48100;
  for (let d = 0; d < 42; d += 1) {
    if (isWeekend(dayStart(d)) || !chance(0.75)) continue;
    const n = int(1, 2);
    for (let i = 0; i < n; i++) {
      ticket += int(20, 90);
      const [topic, queue] = pick(topics);
      const urgency = pick(['low', 'normal', 'normal', 'high']);
      emit({
        t: businessTime(d),
        agent: agentId('ops-workflow-agent', 'tool.call'),
        type: 'tool.call',
        target: 'aiartifact:default/support-ticket-triage',
        onBehalfOf: pick(['sofia-marquez', 'kenji-watanabe']),
        summary: `Triaged Zendesk ticket #${ticket}: ${topic}, ${urgency} urgency, routed to ${queue}`,
        traceId: hex(32),
        ...llm('ops-workflow-agent', true),
        attributes: {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': 'zendesk.tickets.update',
          ticket,
          topic,
          urgency,
        },
      });
    }
  }
}

// Platform: the unrelated postmortem summarizer and the CI templates.
stream({
  agent: 'platform-coder',
  repo: 'incident-postmortem-summarizer',
  target: 'aiartifact:default/incident-postmortem-summarizer',
  deploys: 'production',
  fromDay: 0,
  toDay: 35,
  failures: ['PagerDuty log entry fixture outdated'],
  tasks: [
    {
      title: 'Fetch PagerDuty incident log entries',
      tools: [
        [
          'pagerduty.incidents.log_entries',
          'Read log entries of incident P7K2M1Q',
        ],
      ],
    },
    { title: 'Draft timeline and impact sections' },
    {
      title: 'Publish draft postmortems to the SRE space in Confluence',
      tools: [
        [
          'confluence.pages.create',
          'Created draft page "Postmortem: checkout latency 2026-10-21"',
        ],
      ],
    },
    { title: 'Redact customer emails from incident notes' },
  ],
});
stream({
  agent: 'platform-coder',
  repo: 'platform-ci-templates',
  target: 'component:default/platform-ci-templates',
  fromDay: 2,
  toDay: 39,
  failures: ['workflow lint failed'],
  tasks: [
    { title: 'Add a reusable Node 20 build workflow' },
    { title: 'Cache yarn install between jobs' },
    { title: 'Add an SBOM generation step' },
    { title: 'Pin third-party actions by commit SHA' },
  ],
});

// Hack week: the competitor price scraper, first week only. Nothing after.
stream({
  agent: 'hackweek-agent',
  repo: 'competitor-price-scraper',
  target: 'aiartifact:default/competitor-price-scraper',
  deploys: 'hackweek-cluster',
  fromDay: 0,
  toDay: 6,
  created: {
    summary: 'Created repository acme/competitor-price-scraper',
  },
  failures: ['HTML fixture for competitor page changed'],
  tasks: [
    {
      title: 'Scrape competitor prices for the top 200 SKUs',
      tools: [
        [
          'http.fetch',
          'Scraped 183 competitor product pages',
          'blocked by bot protection',
        ],
      ],
    },
    { title: 'Store scraped prices in a SQLite file' },
    { title: 'Run the scrape nightly' },
  ],
});
{
  // last sign of life: a scheduled scrape on day 7, then nothing
  emit({
    t: businessTime(7),
    agent: 'hackweek-agent-2026',
    type: 'tool.call',
    target: 'aiartifact:default/competitor-price-scraper',
    summary:
      'Nightly scrape failed: 0 of 200 product pages fetched (blocked by bot protection)',
    status: 'failure',
    ...llm('hackweek-agent', true),
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'http.fetch',
    },
  });
}

// Platform: weekly dependency updates every Monday night, merged by day.
{
  const repos = [
    [
      'brand-a-sales-aggregator',
      'aiartifact:default/brand-a-sales-aggregator',
      12,
      ['@shopify/admin-api-client', 'jsforce', '@slack/web-api'],
    ],
    [
      'brand-b-sales-rollup',
      'aiartifact:default/brand-b-sales-rollup',
      13,
      ['jsforce', 'snowflake-sdk', '@shopify/shopify-api'],
    ],
    [
      'brand-b-sales-api',
      'component:default/brand-b-sales-api',
      24,
      ['express', 'zod', 'snowflake-sdk'],
    ],
    [
      'brand-c-revenue-dashboard-sync',
      'aiartifact:default/brand-c-revenue-dashboard-sync',
      13,
      ['@looker/sdk', 'jsforce', 'luxon'],
    ],
    [
      'brand-c-product-copy-writer',
      'aiartifact:default/brand-c-product-copy-writer',
      5,
      ['contentful', '@google/genai'],
    ],
    [
      'campaign-attribution-tool',
      'aiartifact:default/campaign-attribution-tool',
      4,
      ['@hubspot/api-client', '@google-analytics/data', 'react'],
    ],
    [
      'campaign-copy-studio',
      'aiartifact:default/campaign-copy-studio',
      3,
      ['contentful', '@anthropic-ai/sdk', 'react'],
    ],
    [
      'order-sync-integration',
      'aiartifact:default/order-sync-integration',
      4,
      ['@hubspot/api-client', 'netsuite-rest', '@shopify/shopify-api'],
    ],
    [
      'support-ticket-triage',
      'aiartifact:default/support-ticket-triage',
      0,
      ['node-zendesk', 'openai'],
    ],
    [
      'incident-postmortem-summarizer',
      'aiartifact:default/incident-postmortem-summarizer',
      0,
      ['@pagerduty/pdjs', 'confluence.js'],
    ],
    [
      'platform-ci-templates',
      'component:default/platform-ci-templates',
      0,
      ['actions/checkout', 'actions/setup-node'],
    ],
    [
      'checkout-service',
      'component:default/checkout-service',
      0,
      ['stripe', 'express'],
    ],
  ];
  const mondays = [3, 10, 17, 24, 31, 38]; // 2026-10-12 ... 2026-11-16
  for (const d of mondays) {
    let night = dayStart(d) + int(60, 150) * MIN;
    const due = repos.filter(r => r[2] <= d);
    const chosen = due.filter(() => chance(0.3));
    if (d === 3) {
      // the scraper gets one update PR that nobody ever merges
      const pr = nextPr('competitor-price-scraper');
      emit({
        t: night,
        agent: 'platform-renovate-bot',
        type: 'pr.opened',
        target: `${GIT}/competitor-price-scraper/pull/${pr}`,
        onBehalfOf: 'lena-fischer',
        summary: `Opened PR #${pr}: Bump puppeteer from 22.8.0 to 23.5.0`,
        attributes: {
          repo: 'acme/competitor-price-scraper',
          pr,
          package: 'puppeteer',
          from: '22.8.0',
          to: '23.5.0',
        },
      });
      night += int(2, 9) * MIN;
    }
    for (const [repo, ref, , pkgs] of chosen) {
      const pkg = pick(pkgs);
      const from = `${int(1, 9)}.${int(0, 20)}.${int(0, 9)}`;
      const [maj, min, patch] = from.split('.').map(Number);
      const to = chance(0.7)
        ? `${maj}.${min}.${patch + int(1, 4)}`
        : `${maj}.${min + 1}.0`;
      const pr = nextPr(repo);
      const prUrl = `${GIT}/${repo}/pull/${pr}`;
      const traceId = hex(32);
      emit({
        t: night,
        agent: agentId('dependency-updater', 'pr.opened'),
        type: 'pr.opened',
        target: prUrl,
        onBehalfOf: 'lena-fischer',
        summary: `Opened PR #${pr}: Bump ${pkg} from ${from} to ${to}`,
        traceId,
        ...llm('dependency-updater', true),
        attributes: {
          repo: `acme/${repo}`,
          pr,
          package: pkg,
          from,
          to,
          dependencyOf: ref,
        },
      });
      night += int(3, 12) * MIN;
      const failed = chance(0.12);
      emit({
        t: night,
        agent: agentId('dependency-updater', 'test.run'),
        type: 'test.run',
        target: prUrl,
        onBehalfOf: 'lena-fischer',
        summary: failed
          ? `Tests failed on PR #${pr} after bumping ${pkg}; left open for the owners`
          : `Tests passed on PR #${pr}`,
        status: failed ? 'failure' : 'success',
        traceId,
        attributes: { repo: `acme/${repo}`, pr },
      });
      night += int(1, 6) * MIN;
      if (!failed && chance(0.85)) {
        emit({
          t: businessTime(d),
          agent: agentId('dependency-updater', 'pr.merged'),
          type: 'pr.merged',
          target: prUrl,
          onBehalfOf: 'lena-fischer',
          summary: `Merged PR #${pr}: Bump ${pkg} from ${from} to ${to} (auto-merge after approval)`,
          traceId,
          attributes: { repo: `acme/${repo}`, pr },
        });
      }
    }
  }
}

// Marketing proposes a weekly sales digest, and checks for similar work first.
{
  let t = businessTime(38); // Monday 2026-11-16
  emit({
    t,
    agent: 'mkt-copilot',
    type: 'issue.commented',
    target: `${GIT}/marketing-requests/issues/88`,
    onBehalfOf: 'maya-lindqvist',
    summary:
      'Drafted a proposal for a weekly sales digest across all brands (Shopify + Salesforce)',
    ...llm('marketing-assistant', true),
  });
  t = later(t, 20, 90);
  emit({
    t,
    agent: 'agent:default/marketing-assistant',
    type: 'artifact.created',
    target: 'aiartifact:default/weekly-sales-digest',
    onBehalfOf: 'maya-lindqvist',
    summary:
      'Registered weekly-sales-digest in the catalog with lifecycle proposed',
    attributes: { lifecycle: 'proposed' },
  });
  t = later(t, 2, 10);
  emit({
    t,
    agent: 'marketing-assistant-01',
    type: 'tool.call',
    target: 'aiartifact:default/weekly-sales-digest',
    onBehalfOf: 'maya-lindqvist',
    summary:
      'Checked for similar work before building weekly-sales-digest: 3 sales aggregators and brand-b-sales-api already exist',
    traceId: hex(32),
    ...llm('marketing-assistant', true),
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'agent-mesh.find-similar',
      matches: [
        'aiartifact:default/brand-a-sales-aggregator',
        'aiartifact:default/brand-b-sales-rollup',
        'aiartifact:default/brand-c-revenue-dashboard-sync',
        'component:default/brand-b-sales-api',
      ],
    },
  });
  t = later(t, 5, 30);
  emit({
    t,
    agent: 'mkt-copilot',
    type: 'issue.commented',
    target: `${GIT}/marketing-requests/issues/88`,
    onBehalfOf: 'maya-lindqvist',
    summary:
      'Paused the weekly sales digest: asked brand-a, brand-b and brand-c whether their sales roll-ups can feed it instead',
    ...llm('marketing-assistant', true),
  });
}

// Marketing assistant answering questions with the attribution tool.
for (const d of [22, 25, 29, 32, 36, 39]) {
  const q = pick([
    'Which campaign drove the most orders last week?',
    'Revenue attributed to the autumn newsletter, by brand',
    'Compare first-touch and last-touch revenue for paid social',
    'Orders from the Black Friday teaser campaign so far',
  ]);
  emit({
    t: businessTime(d),
    agent: agentId('marketing-assistant', 'tool.call'),
    type: 'tool.call',
    target: 'aiartifact:default/campaign-attribution-tool',
    onBehalfOf: pick(['tom-okafor', 'priya-raman']),
    summary: `Answered "${q}" with the campaign attribution tool`,
    traceId: hex(32),
    ...llm('marketing-assistant', true),
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'campaign-attribution.query',
    },
  });
}

// Agents that are not in the catalog at all.
{
  const strangers = [
    [
      16,
      'cursor-bg-7f3a9',
      'repo.commit',
      `${GIT}/brand-a-sales-aggregator`,
      'Refactor Shopify client into its own module',
      'ben-carter',
    ],
    [
      21,
      'zapier-marketing-flow',
      'tool.call',
      'https://hubspot.example/contacts/list/412',
      'Copied 312 Shopify customers into HubSpot list "Q4 VIP"',
      undefined,
    ],
    [
      26,
      'copilot-ws-brand-b',
      'pr.opened',
      `${GIT}/brand-b-sales-rollup/pull/201`,
      'Opened PR #201: Add Excel export of weekly revenue',
      'emma-johansson',
    ],
    [
      30,
      'gpt-sheets-helper',
      'tool.call',
      'https://sheets.example/d/1sales-weekly-brands',
      'Pulled last week\'s Salesforce opportunities into the "Weekly sales (all brands)" sheet',
      undefined,
    ],
    [
      34,
      'shadow-etl-runner',
      'deploy',
      'https://etl.internal.acme.example/jobs/orders-nightly',
      'Deployed job orders-nightly (Shopify to warehouse copy)',
      undefined,
    ],
  ];
  for (const [d, agent, type, target, summary, user] of strangers) {
    emit({
      t: businessTime(d),
      agent,
      type,
      target,
      onBehalfOf: user,
      summary,
    });
  }
}

// ---------------------------------------------------------------- checks

// The story needs the bare artifact to look abandoned: no action on it in the
// 30 days before the end of the window.
const abandonedSince = new Date(WINDOW_END - 30 * DAY).toISOString();
for (const a of actions) {
  if (
    (a.target || '').includes('competitor-price-scraper') &&
    a.occurredAt >= abandonedSince
  ) {
    throw new Error(`competitor-price-scraper has activity at ${a.occurredAt}`);
  }
}

// Deploys got their versions in generation order too: number them per
// target in time order.
{
  const deployed = {};
  for (const a of actions) {
    if (a.type !== 'deploy' || !a.attributes || !a.attributes.version) continue;
    deployed[a.target] = (deployed[a.target] || 0) + 1;
    const version = `1.${deployed[a.target]}.0`;
    a.summary = a.summary.replace(a.attributes.version, version);
    a.attributes.version = version;
  }
}

// ---------------------------------------------------------------- write

actions.sort((a, b) =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
);

// Work streams were generated one after another, so pull request numbers
// were handed out out of time order. Renumber them per repository in the
// order the pull requests were opened, and rewrite every mention.
{
  const PR_URL = /^https:\/\/github\.example\/acme\/([^/]+)\/pull\/(\d+)$/;
  const prOf = a => {
    const m = PR_URL.exec(a.target || '');
    if (m) return { repo: m[1], pr: Number(m[2]) };
    if (a.attributes && a.attributes.repo && a.attributes.pr !== undefined) {
      return {
        repo: a.attributes.repo.replace(/^acme\//, ''),
        pr: a.attributes.pr,
      };
    }
    return undefined;
  };
  const base = {};
  for (const a of actions) {
    const ref = prOf(a);
    if (ref) base[ref.repo] = Math.min(base[ref.repo] ?? Infinity, ref.pr);
  }
  const renumbered = new Map();
  const next = {};
  for (const a of actions) {
    const ref = prOf(a);
    if (a.type !== 'pr.opened' || !ref) continue;
    next[ref.repo] = next[ref.repo] ?? base[ref.repo];
    renumbered.set(`${ref.repo}#${ref.pr}`, next[ref.repo]);
    next[ref.repo] += 1;
  }
  for (const a of actions) {
    const ref = prOf(a);
    if (!ref) continue;
    const pr = renumbered.get(`${ref.repo}#${ref.pr}`);
    if (pr === undefined)
      throw new Error(`PR never opened: ${ref.repo}#${ref.pr}`);
    if (PR_URL.test(a.target || '')) a.target = `${GIT}/${ref.repo}/pull/${pr}`;
    a.summary = a.summary.replace(new RegExp(`#${ref.pr}\\b`), `#${pr}`);
    if (a.attributes && a.attributes.pr !== undefined) a.attributes.pr = pr;
  }
}
const lines = actions.map((a, i) => {
  const id = `act-${String(i + 1).padStart(6, '0')}`;
  return JSON.stringify({ id, ...a });
});
fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
process.stdout.write(
  `wrote ${lines.length} actions to ${path.relative(process.cwd(), OUT)}\n`,
);
