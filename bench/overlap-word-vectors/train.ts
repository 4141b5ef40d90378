/* eslint-disable no-console */
// Trains LSA word vectors on a public corpus of software descriptions and writes them in the
// format `yarn bench overlap-word-vectors --vectors <file>` reads (LABELLING.md, "Eighth
// session"). Run with
//   node --require @backstage/cli-node/config/nodeTransform.cjs bench/overlap-word-vectors/train.ts
//     --debian <Translation-en> --out <file>
//     --npm-names <names.json> [--sample 80000] [--seed 20261204] ... --out <file>
// Several sources are one corpus. The Debian file is dists/<suite>/main/i18n/Translation-en.xz
// of deb.debian.org, unpacked; names.json is in the npm package all-the-package-names.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { numericOptions, optionValues } from '../lib/report';
import {
  Corpus,
  debianDescriptions,
  npmDescriptions,
  sampleNames,
} from './corpus';
import { trainLsa } from './lsa';

const USAGE =
  'Usage: train.ts (--debian <Translation-en> | --npm-names <names.json> [--sample <n>] [--seed <n>])... --out <file>';

async function main() {
  const args = process.argv.slice(2);
  const [out] = optionValues(args, 'out');
  const debian = optionValues(args, 'debian');
  const npmNames = optionValues(args, 'npm-names');
  if (!out || (debian.length === 0 && npmNames.length === 0))
    throw new Error(USAGE);
  const samples = numericOptions(args, 'sample');
  const seeds = numericOptions(args, 'seed');
  const corpora: Corpus[] = debian.map(file => debianDescriptions(file));
  for (const [i, file] of npmNames.entries()) {
    const names = JSON.parse(readFileSync(file, 'utf8')) as string[];
    const sample = sampleNames(
      names,
      samples[i] ?? 80_000,
      seeds[i] ?? 20261204,
    );
    const corpus = await npmDescriptions(sample, {
      onProgress: done => {
        if (done % 10_000 === 0)
          console.error(`npm: ${done} of ${sample.length}`);
      },
    });
    console.error(
      `npm: ${corpus.served} of ${sample.length} sampled names served, ${corpus.texts.length} texts`,
    );
    corpora.push(corpus);
  }
  // Sorted, so that the vectors do not depend on the order the registry answered in.
  const texts = [...new Set(corpora.flatMap(c => c.texts))].sort();
  const leftOut = corpora.reduce((n, c) => n + c.leftOut, 0);
  console.error(
    `${texts.length} texts (${leftOut} left out as about Backstage or MCP)`,
  );
  const start = performance.now();
  const vectors = trainLsa(texts, {
    dimensions: 100,
    minDocuments: 3,
    maxWords: 40_000,
  });
  console.error(
    `${vectors.words.length} words of ${vectors.dimensions} dimensions in ${(
      (performance.now() - start) /
      1000
    ).toFixed(1)} s`,
  );
  writeFileSync(out, JSON.stringify(vectors));
  console.error(`written to ${out}`);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
