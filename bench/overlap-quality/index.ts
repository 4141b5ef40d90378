/* eslint-disable no-console */
// `yarn bench overlap-quality [--verbose]`: precision, recall, F1 (over pairs) and mean average
// precision of the overlap engine at its default threshold, on dataset.json (public plugin
// descriptions, labelled as described in LABELLING.md), next to ablations of the engine and two
// simple baselines in the same run. `--verbose` lists the missed and the false pairs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapIndex,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { BenchFigure, reportBenchmark } from '../lib/report';
import {
  bestThreshold,
  heldOutF1,
  meanAveragePrecision,
  pairKey,
  prf,
  Scores,
} from './metrics';
import { jaccardScores, tfidfScores } from './baselines';

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

/** What the index returns at threshold 0 (every candidate it finds), as pair scores. */
async function engineScores(
  options: ConstructorParameters<typeof OverlapIndex>[0],
): Promise<Scores> {
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

const noStructure = {
  integrations: 0,
  systemCategories: 0,
  dependencies: 0,
  tags: 0,
  type: 0,
};

async function main() {
  const threshold = DEFAULT_OVERLAP_CONFIG.threshold;
  const methods: Array<[string, Scores]> = [
    ['engine', await engineScores({})],
    [
      'engine-text-only',
      await engineScores({ config: { weights: noStructure } }),
    ],
    [
      'engine-no-system-categories',
      await engineScores({ config: { weights: { systemCategories: 0 } } }),
    ],
    ['baseline-jaccard', jaccardScores(items)],
    ['baseline-tfidf', tfidfScores(items)],
  ];
  const figures: BenchFigure[] = [];
  const table: string[] = [];
  for (const [name, scores] of methods) {
    const isEngine = name.startsWith('engine');
    const at = isEngine ? prf(items, scores, threshold) : undefined;
    const best = bestThreshold(items, scores);
    const heldOut = heldOutF1(items, scores);
    const map = meanAveragePrecision(items, scores);
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
      {
        name: `${name} held-out F1 (threshold from other half)`,
        value: heldOut.f1,
        unit: `range ${heldOut.min.toFixed(2)}..${heldOut.max.toFixed(2)}`,
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
      )}  held-out F1 ${heldOut.f1.toFixed(3)}  MAP ${map.toFixed(3)}`,
    );
  }
  const ok = reportBenchmark(
    'overlap-quality',
    {
      items: items.length,
      groups: new Set(items.map(i => i.group).filter(Boolean)).size,
      truePairs: items.reduce(
        (n, a) =>
          n +
          items.filter(b => a.id < b.id && a.group && a.group === b.group)
            .length,
        0,
      ),
      defaultThreshold: threshold,
    },
    figures,
  );
  console.log(`\n${table.join('\n')}`);
  const sweep = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5].map(t => {
    const r = prf(items, methods[0][1], t);
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
    for (const a of items) {
      for (const b of items) {
        if (a.id >= b.id) continue;
        const score = scores.get(pairKey(a.id, b.id)) ?? 0;
        const actual = a.group !== null && a.group === b.group;
        if (actual && score < threshold)
          console.log('missed', pairKey(a.id, b.id), score);
        if (!actual && score >= threshold)
          console.log('false ', pairKey(a.id, b.id), score);
      }
    }
  }
  if (!ok)
    console.log('\nF1 at the default threshold is below the 0.85 target.');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
