/* eslint-disable no-console */
// `yarn bench overlap-quality`: precision, recall, F1 (over pairs) and mean average precision of
// the overlap engine at its default threshold, on dataset.json (public plugin descriptions,
// labelled as described in LABELLING.md), next to two simple baselines in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eng as englishStopWords } from 'stopword';
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapIndex,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { BenchFigure, reportBenchmark } from '../lib/report';

interface Item {
  id: string;
  title: string;
  description: string;
  type: string;
  tags: string[];
  integrations: string[];
  owner: string;
  group: string | null;
}

const items: Item[] = JSON.parse(
  readFileSync(join(__dirname, 'dataset.json'), 'utf8'),
).items;
const ref = (item: Item) => `aiartifact:default/${item.id}`;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const truth = new Set<string>();
for (const a of items) {
  for (const b of items) {
    if (a.id < b.id && a.group && a.group === b.group)
      truth.add(pairKey(a.id, b.id));
  }
}

/** All pairwise scores of one method, as a map from pair key to score. */
type Scores = Map<string, number>;

function prf(scores: Scores, threshold: number) {
  let tp = 0;
  let fp = 0;
  for (const [key, score] of scores) {
    if (score < threshold) continue;
    if (truth.has(key)) tp++;
    else fp++;
  }
  const fn = truth.size - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 =
    precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Mean over items with at least one true partner of the average precision of their ranking. */
function meanAveragePrecision(scores: Scores): number {
  const aps: number[] = [];
  for (const a of items) {
    const relevant = items.filter(
      b => b.id !== a.id && a.group && b.group === a.group,
    );
    if (relevant.length === 0) continue;
    const ranked = items
      .filter(b => b.id !== a.id)
      .map(b => ({ b, score: scores.get(pairKey(a.id, b.id)) ?? 0 }))
      .sort((x, y) => y.score - x.score || x.b.id.localeCompare(y.b.id));
    let hits = 0;
    let sum = 0;
    ranked.forEach(({ b, score }, i) => {
      if (score > 0 && b.group === a.group) {
        hits++;
        sum += hits / (i + 1);
      }
    });
    aps.push(sum / relevant.length);
  }
  return aps.reduce((s, v) => s + v, 0) / aps.length;
}

/** The best F1 over all thresholds: an optimistic ceiling, given to the baselines as a favour. */
function bestF1(scores: Scores) {
  const thresholds = [...new Set(scores.values())]
    .filter(s => s > 0)
    .sort((a, b) => a - b);
  let best = { threshold: 0, f1: 0 };
  for (const t of thresholds) {
    const { f1 } = prf(scores, t);
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

async function engineScores(
  options: ConstructorParameters<typeof OverlapIndex>[0],
) {
  const index = new OverlapIndex(options);
  for (const item of items) {
    index.upsert({
      entityRef: ref(item),
      kind: 'AiArtifact',
      title: item.title,
      description: item.description,
      purpose: '',
      type: item.type,
      owner: item.owner,
      tags: item.tags,
      integrations: item.integrations,
      dependencies: [],
    });
  }
  // What the index returns at threshold 0 (every candidate it finds), as pair scores.
  const scores: Scores = new Map();
  for (const item of items) {
    for (const match of await index.query(ref(item), {
      threshold: 0,
      limit: items.length,
    })) {
      const other = match.entityRef.slice('aiartifact:default/'.length);
      const key = pairKey(item.id, other);
      scores.set(key, Math.max(scores.get(key) ?? 0, match.score));
    }
  }
  return scores;
}

function words(item: Item): string[] {
  return (
    `${item.title} ${item.description}`.toLowerCase().match(/[a-z0-9]+/g) ?? []
  );
}

function jaccardScores(): Scores {
  const sets = new Map(items.map(i => [i.id, new Set(words(i))]));
  const scores: Scores = new Map();
  for (const a of items) {
    for (const b of items) {
      if (a.id >= b.id) continue;
      const sa = sets.get(a.id)!;
      const sb = sets.get(b.id)!;
      const shared = [...sa].filter(w => sb.has(w)).length;
      scores.set(pairKey(a.id, b.id), shared / (sa.size + sb.size - shared));
    }
  }
  return scores;
}

function plainTfidfScores(): Scores {
  const stop = new Set(englishStopWords);
  const docs = new Map(
    items.map(i => {
      const tf = new Map<string, number>();
      for (const w of words(i))
        if (!stop.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
      return [i.id, tf];
    }),
  );
  const df = new Map<string, number>();
  for (const tf of docs.values())
    for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) =>
    Math.log((items.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const vectors = new Map(
    [...docs].map(([id, tf]) => {
      const v = new Map([...tf].map(([w, n]) => [w, n * idf(w)]));
      const norm =
        Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
      return [id, { v, norm }];
    }),
  );
  const scores: Scores = new Map();
  for (const a of items) {
    for (const b of items) {
      if (a.id >= b.id) continue;
      const va = vectors.get(a.id)!;
      const vb = vectors.get(b.id)!;
      let dot = 0;
      for (const [w, x] of va.v) dot += x * (vb.v.get(w) ?? 0);
      scores.set(pairKey(a.id, b.id), dot / (va.norm * vb.norm));
    }
  }
  return scores;
}

async function main() {
  const threshold = DEFAULT_OVERLAP_CONFIG.threshold;
  const methods: Array<[string, Scores]> = [
    ['engine', await engineScores({})],
    [
      'engine-text-only',
      await engineScores({
        config: {
          weights: {
            integrations: 0,
            systemCategories: 0,
            dependencies: 0,
            tags: 0,
            type: 0,
          },
        },
      }),
    ],
    [
      'engine-no-system-categories',
      await engineScores({ config: { weights: { systemCategories: 0 } } }),
    ],
    ['baseline-jaccard', jaccardScores()],
    ['baseline-tfidf', plainTfidfScores()],
  ];
  const figures: BenchFigure[] = [];
  const table: string[] = [];
  for (const [name, scores] of methods) {
    const isEngine = name.startsWith('engine');
    const at = isEngine ? prf(scores, threshold) : undefined;
    const best = bestF1(scores);
    const map = meanAveragePrecision(scores);
    if (at) {
      const target = name === 'engine' ? { min: 0.85 } : undefined;
      figures.push(
        { name: `${name} precision@default`, value: at.precision, unit: '' },
        { name: `${name} recall@default`, value: at.recall, unit: '' },
        { name: `${name} F1@default`, value: at.f1, unit: '', target },
      );
    }
    figures.push(
      {
        name: `${name} best F1 (any threshold)`,
        value: best.f1,
        unit: `at ${best.threshold.toFixed(3)}`,
      },
      { name: `${name} mean average precision`, value: map, unit: '' },
    );
    table.push(
      `${name.padEnd(28)} ${
        at
          ? `P ${at.precision.toFixed(3)} R ${at.recall.toFixed(
              3,
            )} F1 ${at.f1.toFixed(3)}`
          : ' '.repeat(29)
      }  best F1 ${best.f1.toFixed(3)} @ ${best.threshold.toFixed(
        3,
      )}  MAP ${map.toFixed(3)}`,
    );
  }
  const ok = reportBenchmark(
    'overlap-quality',
    {
      items: items.length,
      groups: new Set(items.map(i => i.group).filter(Boolean)).size,
      truePairs: truth.size,
      defaultThreshold: threshold,
    },
    figures,
  );
  console.log(`\n${table.join('\n')}`);
  const sweep = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5].map(t => {
    const r = prf(methods[0][1], t);
    return `${t.toFixed(2)}: P ${r.precision.toFixed(2)} R ${r.recall.toFixed(
      2,
    )} F1 ${r.f1.toFixed(2)}`;
  });
  console.log(
    `\nengine by threshold (for reading, not for choosing it):\n  ${sweep.join(
      '\n  ',
    )}`,
  );
  if (process.argv.includes('--verbose')) {
    const scores = methods[0][1];
    for (const key of [...truth].sort()) {
      if ((scores.get(key) ?? 0) < threshold)
        console.log('missed', key, scores.get(key) ?? 0);
    }
    for (const [key, score] of scores) {
      if (score >= threshold && !truth.has(key))
        console.log('false', key, score);
    }
  }
  if (!ok)
    console.log('\nF1 at the default threshold is below the 0.85 target.');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
