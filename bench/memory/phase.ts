/* eslint-disable no-console */
import { writeFileSync } from 'node:fs';

const MB = 2 ** 20;

/** What a phase process hands back to index.ts. */
export interface MemoryPhaseResult {
  operations: number;
  warmRssMB: number;
  endRssMB: number;
  growthPercent: number;
  warmHeapMB: number;
  endHeapMB: number;
  perSecond: number;
  /** Counts that show what the process holds at the end (keys, strings, ...). */
  extra: Record<string, number>;
}

/** RSS and heap used in MB after a full garbage collection. */
export function settledMemory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc)
    throw new Error('Run through `yarn bench`, which passes --expose-gc');
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMB: rss / MB, heapMB: heapUsed / MB };
}

/**
 * Runs `operations` steps of `step` (in batches of `concurrency`), measures settled memory after
 * the first tenth and at the end, and writes the result for index.ts.
 */
export async function measurePhase(options: {
  name: string;
  resultFile: string;
  operations: number;
  concurrency?: number;
  step: (i: number) => Promise<void> | void;
  extra: () => Record<string, number>;
}) {
  const { operations, step } = options;
  const concurrency = options.concurrency ?? 1;
  const warmUp = Math.max(1, Math.floor(operations / 10));
  let warm = settledMemory();
  const started = performance.now();
  let lastReport = started;
  for (let i = 0; i < operations; i += concurrency) {
    const batch: Array<Promise<void> | void> = [];
    for (let j = i; j < Math.min(operations, i + concurrency); j++) {
      batch.push(step(j));
    }
    await Promise.all(batch);
    const done = Math.min(operations, i + concurrency);
    if (done === warmUp || (i < warmUp && done > warmUp)) {
      warm = settledMemory();
      console.log(
        `${options.name}: warm-up done, RSS ${warm.rssMB.toFixed(0)} MB`,
      );
    }
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      const { rss } = process.memoryUsage();
      console.log(
        `${options.name}: ${done}/${operations}, RSS ${(rss / MB).toFixed(
          0,
        )} MB`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const end = settledMemory();
  const result: MemoryPhaseResult = {
    operations,
    warmRssMB: warm.rssMB,
    endRssMB: end.rssMB,
    growthPercent: ((end.rssMB - warm.rssMB) / warm.rssMB) * 100,
    warmHeapMB: warm.heapMB,
    endHeapMB: end.heapMB,
    perSecond: operations / seconds,
    extra: options.extra(),
  };
  writeFileSync(options.resultFile, JSON.stringify(result));
}

/** A word that no catalog has: made of letters from the number. */
export function madeUpWord(n: number, salt: string): string {
  let word = salt;
  let v = n + 1;
  while (v > 0) {
    word += String.fromCharCode(97 + (v % 26));
    v = Math.floor(v / 26);
  }
  return word;
}
