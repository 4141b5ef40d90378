/* eslint-disable no-console */
// `yarn bench memory [--similar N] [--churn N] [--entities N]`: does memory stay flat under
// traffic that never repeats? Two phases, each in a Node process of its own (so that one's
// memory is not the other's):
//   similar: a backend with the agent-mesh plugin (SQLite, an in-memory catalog of --entities
//            generated AI-built entities, index built by the scheduled reconcile) answers
//            --similar distinct `POST /similar` bodies over HTTP, each with words no entity has;
//   churn:   an overlap index of --entities entities takes --churn upserts of entities whose
//            words, tags, systems, dependencies, types and owners change every time.
// Each reports RSS (after a forced GC) after a tenth of the work (the warm-up) and at the end;
// the target is growth of at most 20% from the first to the second.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchFigure, numericOption, reportBenchmark } from '../lib/report';
import { MemoryPhaseResult } from './phase';

function runPhase(file: string, args: string[]): MemoryPhaseResult {
  const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-memory-'));
  const resultFile = join(dir, 'result.json');
  try {
    const result = spawnSync(
      process.execPath,
      [...process.execArgv, join(__dirname, file), resultFile, ...args],
      { stdio: 'inherit', env: process.env },
    );
    if (result.status !== 0) {
      throw new Error(`${file} exited with ${result.status}`);
    }
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function figures(prefix: string, r: MemoryPhaseResult): BenchFigure[] {
  return [
    { name: `${prefix}: operations`, value: r.operations, unit: '' },
    { name: `${prefix}: RSS after warm-up`, value: r.warmRssMB, unit: 'MB' },
    { name: `${prefix}: RSS at the end`, value: r.endRssMB, unit: 'MB' },
    {
      name: `${prefix}: RSS growth after warm-up`,
      value: r.growthPercent,
      unit: '%',
      target: { max: 20 },
    },
    {
      name: `${prefix}: heap used after warm-up`,
      value: r.warmHeapMB,
      unit: 'MB',
    },
    { name: `${prefix}: heap used at the end`, value: r.endHeapMB, unit: 'MB' },
    {
      name: `${prefix}: operations per second`,
      value: r.perSecond,
      unit: '/s',
    },
    ...Object.entries(r.extra).map(([name, value]) => ({
      name: `${prefix}: ${name}`,
      value,
      unit: '',
    })),
  ];
}

function main() {
  const args = process.argv.slice(2);
  const similar = numericOption(args, 'similar', 100_000);
  const churn = numericOption(args, 'churn', 1_000_000);
  const entities = numericOption(args, 'entities', 2_000);
  const similarResult = runPhase('similarPhase.ts', [
    String(similar),
    String(entities),
  ]);
  const churnResult = runPhase('churnPhase.ts', [
    String(churn),
    String(entities),
  ]);
  const ok = reportBenchmark('memory', { similar, churn, entities }, [
    ...figures('POST /similar', similarResult),
    ...figures('index churn', churnResult),
  ]);
  process.exit(ok ? 0 : 1);
}

main();
