#!/usr/bin/env node
/* eslint-disable no-console */
// `yarn bench` lists the benchmarks; `yarn bench <name> [options]` runs bench/<name>/index.ts,
// which writes bench/results/<name>.json and prints a short table.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const benchDir = __dirname;
const available = readdirSync(benchDir, { withFileTypes: true })
  .filter(
    d => d.isDirectory() && existsSync(join(benchDir, d.name, 'index.ts')),
  )
  .map(d => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  if (name) console.error(`Unknown benchmark '${name}'.`);
  console.error(
    `Usage: yarn bench <name> [options]\nBenchmarks: ${available.join(', ')}`,
  );
  process.exit(name ? 1 : 0);
}

const result = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--expose-gc',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    join(benchDir, name, 'index.ts'),
    ...args,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
process.exit(result.status ?? 1);
