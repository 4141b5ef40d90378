#!/usr/bin/env node
/* eslint-disable no-console */
// Checks a running portal that has the Agent Mesh plugins installed from their packages
// (scripts/install-test.sh): the demo organisation is in the catalog with its builtBy and
// overlapsWith relations, the agent-mesh API answers, and the Governance tab renders in Chromium
// without a page error. Exits 1 with what failed.
//
//   node check-portal.js <examplesDir> <screenshotDir>
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { chromium } = require('@playwright/test');

const BACKEND = 'http://localhost:7007';
const FRONTEND = 'http://localhost:3000';
const CHROMIUM = process.env.AGENT_MESH_CHROMIUM ?? '/usr/bin/chromium';
// As e2e-tests/chromium.ts: Debian's Chromium, kept off the network it cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const [examplesDir, screenshotDir] = process.argv.slice(2);
const failures = [];

function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

async function poll(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${last})` : ''}`);
}

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/** The AiArtifacts of the examples, by ref, with whether each names its builder. */
function exampleArtifacts() {
  const docs = YAML.parseAllDocuments(
    fs.readFileSync(path.join(examplesDir, 'artifacts.yaml'), 'utf8'),
  ).map(d => d.toJSON());
  return docs
    .filter(d => d?.kind === 'AiArtifact')
    .map(d => ({
      ref: `aiartifact:${d.metadata.namespace ?? 'default'}/${d.metadata.name}`,
      builtBy: (d.spec?.builtBy ?? []).length > 0,
    }));
}

async function main() {
  const token = await poll('guest sign-in', 120_000, guestToken);
  const get = async url => {
    const res = await fetch(`${BACKEND}${url}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      body: await res.json().catch(() => undefined),
    };
  };

  const expected = exampleArtifacts();
  const aggregator = 'aiartifact:default/brand-a-sales-aggregator';
  const started = Date.now();
  // overlapsWith needs the index's reconcile and then a later catalog processing run
  const entities = await poll(
    'the AiArtifacts with their builtBy and overlapsWith relations',
    8 * 60_000,
    async () => {
      const { status, body } = await get(
        '/api/catalog/entities/by-query?filter=kind=aiartifact&limit=500',
      );
      if (status !== 200) return undefined;
      const items = body.items;
      const byRef = new Map(
        items.map(e => [
          `aiartifact:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase(),
          e,
        ]),
      );
      const relation = (ref, type) =>
        (byRef.get(ref)?.relations ?? []).some(r => r.type === type);
      const ready =
        expected.every(a => byRef.has(a.ref)) &&
        expected.every(a => !a.builtBy || relation(a.ref, 'builtBy')) &&
        relation(aggregator, 'overlapsWith');
      return ready ? byRef : undefined;
    },
  ).catch(error => {
    check('catalog', false, error.message);
    return undefined;
  });
  if (entities) {
    check(
      'AiArtifacts ingested',
      true,
      `${entities.size} of ${expected.length} examples, after ${Math.round(
        (Date.now() - started) / 1000,
      )} s`,
    );
    const withBuiltBy = expected.filter(a => a.builtBy);
    check(
      'builtBy relations',
      true,
      `${withBuiltBy.length} artifacts that name their builder`,
    );
    const overlapping = [...entities.values()].filter(e =>
      e.relations.some(r => r.type === 'overlapsWith'),
    );
    check(
      'overlapsWith relations',
      overlapping.length >= 3,
      `${overlapping.length} AiArtifacts`,
    );
  }

  const overlaps = await get(
    `/api/agent-mesh/overlaps?entityRef=${encodeURIComponent(aggregator)}`,
  );
  check(
    'GET /api/agent-mesh/overlaps',
    overlaps.status === 200 &&
      overlaps.body.items.some(
        i => i.entityRef === 'aiartifact:default/brand-b-sales-rollup',
      ),
    `${overlaps.status}, ${overlaps.body?.items?.length ?? 0} overlaps`,
  );
  const actions = await poll('the seeded action log', 120_000, async () => {
    const res = await get('/api/agent-mesh/actions?limit=5');
    return res.status === 200 && res.body.items.length > 0 ? res : undefined;
  }).catch(() => get('/api/agent-mesh/actions?limit=5'));
  check(
    'GET /api/agent-mesh/actions',
    actions.status === 200 && actions.body.items.length > 0,
    `${actions.status}, ${actions.body?.items?.length ?? 0} actions`,
  );

  await poll('the frontend', 5 * 60_000, async () =>
    (await fetch(FRONTEND)).ok ? true : undefined,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    page.setDefaultTimeout(120_000);
    await page.goto(FRONTEND, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'Catalog' }).first().waitFor();
    await page.goto(
      `${FRONTEND}/catalog/default/aiartifact/brand-a-sales-aggregator/governance`,
      { waitUntil: 'domcontentloaded' },
    );
    const table = page.getByRole('table', { name: 'Scorecard checks' });
    const rendered = await table
      .waitFor()
      .then(() => true)
      .catch(() => false);
    const level = rendered
      ? await page
          .getByText(/^Level: /)
          .first()
          .textContent()
      : undefined;
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({
      path: path.join(screenshotDir, 'governance.png'),
      fullPage: true,
    });
    check('Governance tab renders in Chromium', rendered, level ?? '');
    check('no page errors', pageErrors.length === 0, pageErrors.join('; '));
  } finally {
    await browser.close();
  }

  console.log(
    failures.length ? `failed: ${failures.join(', ')}` : 'portal checks passed',
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
