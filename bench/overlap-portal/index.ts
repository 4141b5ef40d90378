/* eslint-disable no-console */
// `yarn bench overlap-portal`: the overlap-quality sets read the way a user of a portal reads
// them. Each set's items become AiArtifacts in a catalog file; a backend as a portal runs it
// (Backstage's catalog with the Agent Mesh kinds module, the Agent Mesh plugin, SQLite files)
// starts cold on it; the bench times how long until the catalog holds every item and until
// `GET /overlaps` answers from a built index, then reads `GET /overlaps` of every item (at the
// default threshold and the default number of matches per entity) and scores the pairs it
// returns against the labels, beside the engine read directly with every match (what
// `yarn bench overlap-quality` scores).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_OVERLAP_CONFIG } from '../../plugins/agent-mesh-backend/src/overlap/engine/config';
import { toTag } from '../../plugins/catalog-backend-module-agent-mesh/src/naming/entityNames';
import { GetOverlapsResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { BenchFigure, reportBenchmark } from '../lib/report';
import { getJson, waitFor } from '../overview/http';
import { startBenchBackend } from '../overview/backend';
import {
  Item,
  loadSets,
  pairLabel,
  QualitySet,
  Tier,
} from '../overlap-quality/datasets';
import {
  engineMethod,
  recordMatch,
  ref,
} from '../overlap-quality/engineMethod';
import {
  Kinds,
  pairKey,
  pairsOf,
  prf,
  Scores,
} from '../overlap-quality/metrics';

const TIERS: Tier[] = ['duplicate', 'any'];

/** The catalog file of a set: its owners as Groups and its items as AiArtifacts. */
function catalogOf(items: Item[]): string {
  const owners = [...new Set(items.map(i => i.owner))];
  const groups = owners.map(owner => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: owner.replace(/^group:default\//, '') },
    spec: { type: 'team', children: [] },
  }));
  const artifacts = items.map(item => ({
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'AiArtifact',
    metadata: {
      name: item.id,
      title: item.title,
      description: item.description,
      // As the catalog allows them: "tech health" is `tech-health`.
      ...(item.tags?.length
        ? { tags: item.tags.map(toTag).filter(Boolean) }
        : {}),
    },
    spec: {
      type: item.type,
      owner: item.owner,
      lifecycle: 'production',
      ...(item.integrations?.length ? { integrations: item.integrations } : {}),
    },
  }));
  return [...groups, ...artifacts].map(e => stringify(e)).join('---\n');
}

interface PortalRead {
  scores: Scores;
  kinds: Kinds;
  catalogSeconds: number;
  indexReadySeconds: number;
  /** Items whose `GET /overlaps` returned as many matches as the per-entity maximum. */
  itemsAtMaxResults: number;
}

/** Starts a backend on the set's catalog and reads `GET /overlaps` of every item. */
async function readThroughPortal(set: QualitySet): Promise<PortalRead> {
  const dir = mkdtempSync(join(tmpdir(), `agent-mesh-overlap-portal-`));
  const catalogFile = join(dir, 'catalog.yaml');
  writeFileSync(catalogFile, catalogOf(set.items));
  const started = performance.now();
  const backend = await startBenchBackend({
    catalogFile,
    databaseDir: join(dir, 'db'),
  });
  try {
    const seconds = () => (performance.now() - started) / 1000;
    await waitFor(
      `the catalog to hold the ${set.items.length} items of ${set.name}`,
      async () => {
        const { body } = await getJson(
          backend,
          '/catalog/entities/by-query?limit=1&fields=kind&filter=kind=aiartifact',
        );
        return body.totalItems >= set.items.length;
      },
      10 * 60_000,
      500,
    );
    const catalogSeconds = seconds();
    const probe = `/agent-mesh/overlaps?entityRef=${encodeURIComponent(
      ref(set.items[0]),
    )}`;
    await waitFor(
      'GET /overlaps to answer from a built index',
      async () => {
        const { status, body } = await getJson(backend, probe);
        return status === 200 && body.indexReady === true;
      },
      10 * 60_000,
      500,
    );
    const indexReadySeconds = seconds();

    const scores: Scores = new Map();
    const kinds: Kinds = new Map();
    let itemsAtMaxResults = 0;
    for (const item of set.items) {
      const { status, body } = await getJson(
        backend,
        `/agent-mesh/overlaps?entityRef=${encodeURIComponent(ref(item))}`,
      );
      if (status !== 200) {
        throw new Error(
          `GET /overlaps for ${item.id}: ${status} ${JSON.stringify(body)}`,
        );
      }
      if (body.items.length >= DEFAULT_OVERLAP_CONFIG.maxResults)
        itemsAtMaxResults += 1;
      for (const match of body.items as GetOverlapsResponse['items']) {
        recordMatch(scores, kinds, item.id, match);
      }
    }
    return {
      scores,
      kinds,
      catalogSeconds,
      indexReadySeconds,
      itemsAtMaxResults,
    };
  } finally {
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x: number) => x.toFixed(3);

async function main() {
  const threshold = DEFAULT_OVERLAP_CONFIG.threshold;
  const figures: BenchFigure[] = [];
  const rows: string[] = [];
  const differences: string[] = [];
  const sets = loadSets();
  for (const set of sets) {
    console.log(
      `${set.name}: ${set.items.length} items into a cold portal ...`,
    );
    const portal = await readThroughPortal(set);
    const engine = await engineMethod('engine', set.items, {});
    figures.push(
      {
        name: `${set.name}: catalog holds every item, after start`,
        value: portal.catalogSeconds,
        unit: 's',
      },
      {
        name: `${set.name}: GET /overlaps from a built index, after start`,
        value: portal.indexReadySeconds,
        unit: 's',
      },
      {
        name: `${set.name}: GET /overlaps from a built index, after the catalog held every item`,
        value: portal.indexReadySeconds - portal.catalogSeconds,
        unit: 's',
        target: { max: 30 },
      },
      {
        name: `${set.name}: items whose GET /overlaps returned the maximum of matches`,
        value: portal.itemsAtMaxResults,
        unit: `of ${set.items.length}`,
      },
    );
    for (const label of ['duplicate', 'alternative'] as const) {
      const { found, asLabelled } = kindAgreement(
        set,
        portal,
        label,
        threshold,
      );
      figures.push({
        name: `${set.name}: labelled ${label} pairs that GET /overlaps returns, called ${label}`,
        value: found ? asLabelled / found : 0,
        unit: `(${asLabelled} of ${found})`,
      });
    }
    for (const tier of TIERS) {
      for (const [method, scores, kinds] of [
        ['portal GET /overlaps', portal.scores, portal.kinds],
        ['engine, every match', engine.scores, engine.kinds!],
      ] as const) {
        const at = prf(pairsOf(set.items, scores, tier, kinds), threshold);
        const name = `${set.name}/${tier}: ${method}`;
        figures.push(
          { name: `${name} precision@default`, value: at.precision, unit: '' },
          { name: `${name} recall@default`, value: at.recall, unit: '' },
          { name: `${name} F1@default`, value: at.f1, unit: '' },
        );
        if (tier === 'any' && method === 'portal GET /overlaps')
          differences.push(
            ...differing(set, portal.scores, engine.scores, threshold),
          );
        rows.push(
          [
            `${set.name} / ${tier}`.padEnd(30),
            method.padEnd(22),
            f3(at.precision),
            f3(at.recall),
            f3(at.f1),
          ].join('  '),
        );
      }
    }
  }
  reportBenchmark(
    'overlap-portal',
    {
      threshold,
      maxResults: DEFAULT_OVERLAP_CONFIG.maxResults,
      sets: sets.map(s => s.name),
    },
    figures,
  );
  console.log(
    `\n${'set / tier'.padEnd(30)}  ${'method'.padEnd(
      22,
    )}  P@def  R@def  F1@def`,
  );
  console.log(rows.join('\n'));
  if (differences.length) {
    console.log(
      `\nPairs found on one side of the default threshold by the portal and on the other by the engine:\n${differences.join(
        '\n',
      )}`,
    );
  }
}

/** Of the pairs with this label that the portal returns at the threshold, how many have that kind. */
function kindAgreement(
  set: QualitySet,
  portal: PortalRead,
  label: 'duplicate' | 'alternative',
  threshold: number,
): { found: number; asLabelled: number } {
  let found = 0;
  let asLabelled = 0;
  set.items.forEach((a, i) =>
    set.items.slice(i + 1).forEach(b => {
      if (pairLabel(a, b) !== label) return;
      const key = pairKey(a.id, b.id);
      if ((portal.scores.get(key) ?? 0) < threshold) return;
      found += 1;
      if (portal.kinds.get(key) === label) asLabelled += 1;
    }),
  );
  return { found, asLabelled };
}

/** The pairs that the portal and the engine put on different sides of the threshold. */
function differing(
  set: QualitySet,
  portal: Scores,
  engine: Scores,
  threshold: number,
): string[] {
  const keys = new Set([...portal.keys(), ...engine.keys()]);
  return [...keys]
    .filter(
      key =>
        (portal.get(key) ?? 0) >= threshold !==
        (engine.get(key) ?? 0) >= threshold,
    )
    .sort()
    .map(
      key =>
        `  ${set.name} ${key}: portal ${f3(portal.get(key) ?? 0)}, engine ${f3(
          engine.get(key) ?? 0,
        )}`,
    );
}

main().then(
  // The stopped backends leave timers of the catalog behind; the figures are written.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
