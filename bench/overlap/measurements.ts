const MB = 2 ** 20;

function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('Run through `yarn bench`, which passes --expose-gc');
  }
  gc();
  gc();
}

/** Heap used and RSS in MB, after a full garbage collection. */
export function memory() {
  collectGarbage();
  const { heapUsed, heapTotal, arrayBuffers, rss } = process.memoryUsage();
  return {
    heapUsed: heapUsed / MB,
    heapTotal: heapTotal / MB,
    arrayBuffers: arrayBuffers / MB,
    rss: rss / MB,
  };
}

/** CPU time (user and system, all threads) since `since`, in ms. */
export function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** What the measuring process (measureIndex.ts) hands back. */
export interface MeasuredIndex {
  size: number;
  buildS: number;
  buildCpuS: number;
  /** Heap used after the build, less what the process used before it. */
  heapMB: number;
  /** The heap V8 has reserved after the build, and typed arrays' memory outside it. */
  heapTotalMB: number;
  arrayBuffersMB: number;
  /** RSS of the whole process after the build. */
  rssMB: number;
  /** The highest RSS the process reached by the end of the build. */
  buildPeakRssMB: number;
  /** The highest RSS of the whole run, brute-force scans of every document included. */
  peakRssMB: number;
  /** RSS with the modules loaded, before the build. */
  baselineRssMB: number;
  updateMs: number[];
  updateCpuMs: number[];
  queryMs: number[];
  queryCpuMs: number[];
  bruteMs: number[];
  bruteCpuMs: number[];
  /** Matches in the brute-force top 10s, those of them the index found too, and how many
   * of those had another score. */
  expected: number;
  found: number;
  scoreMismatches: number;
  withMatches: number;
}
