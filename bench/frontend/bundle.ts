import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface StatsModule {
  name?: string;
  size: number;
  chunks: Array<string | number>;
  reasons?: Array<{ moduleName?: string | null }>;
  modules?: StatsModule[];
}

interface Stats {
  modules: StatsModule[];
  assets: Array<{ name: string; size: number; chunks: Array<string | number> }>;
}

export interface BundleFigures {
  /** Bytes of every JavaScript asset of the production app. */
  appJsBytes: number;
  /** Source bytes of the plugin's own modules (agent-mesh and agent-mesh-common) in the bundle. */
  pluginSourceBytes: number;
  /** Source bytes of the third-party modules that only the plugin brings in (e.g. recharts). */
  exclusiveDependencyBytes: number;
  /** Minified and gzipped bytes of the chunks that hold nothing but the two above. */
  exclusiveChunkBytes: number;
  exclusiveChunkGzipBytes: number;
}

const appDir = join(__dirname, '..', '..', 'packages', 'app');
const OURS = /plugins\/agent-mesh(-common)?\//;

/** Builds the demo app for production (rspack, minified) with bundle stats. */
export function buildApp() {
  const result = spawnSync(
    'yarn',
    ['backstage-cli', 'package', 'build', '--stats'],
    {
      cwd: appDir,
      stdio: 'inherit',
      // bench/run.js runs benchmarks with NODE_ENV=production; the CLI sets its own.
      env: { ...process.env, NODE_ENV: undefined },
    },
  );
  if (result.status !== 0) {
    throw new Error(`The app build failed with exit code ${result.status}`);
  }
}

function constituents(module: StatsModule): string[] {
  if (module.modules?.length) return module.modules.flatMap(constituents);
  return module.name ? [module.name] : [];
}

/**
 * What the plugin adds to the app bundle, from the build's stats: its own modules, plus every
 * module that is only ever imported by the plugin or by such modules (a fixed point over the
 * import reasons), and the emitted chunks made of nothing else.
 */
export function measureBundle(distDir = join(appDir, 'dist')): BundleFigures {
  const stats: Stats = JSON.parse(
    readFileSync(join(distDir, 'bundle-stats.json'), 'utf8'),
  );
  const leaves = stats.modules.flatMap(m =>
    m.modules?.length ? m.modules : [m],
  );
  const importers = new Map<string, Set<string>>();
  const sizes = new Map<string, number>();
  for (const leaf of leaves) {
    if (!leaf.name) continue;
    sizes.set(leaf.name, leaf.size);
    const set = importers.get(leaf.name) ?? new Set<string>();
    for (const reason of leaf.reasons ?? []) {
      if (reason.moduleName)
        set.add(reason.moduleName.replace(/ \+ \d+ modules$/, ''));
    }
    importers.set(leaf.name, set);
  }

  const ours = new Set([...sizes.keys()].filter(name => OURS.test(name)));
  const exclusive = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, from] of importers) {
      if (ours.has(name) || exclusive.has(name) || from.size === 0) continue;
      if ([...from].every(i => ours.has(i) || exclusive.has(i))) {
        exclusive.add(name);
        changed = true;
      }
    }
  }
  const sum = (names: Set<string>) =>
    [...names].reduce((total, name) => total + (sizes.get(name) ?? 0), 0);

  const added = (name: string) => ours.has(name) || exclusive.has(name);
  const chunkOnlyAdded = new Map<string, boolean>();
  for (const module of stats.modules) {
    const onlyAdded = constituents(module).every(added);
    for (const chunk of module.chunks) {
      const key = String(chunk);
      chunkOnlyAdded.set(key, (chunkOnlyAdded.get(key) ?? true) && onlyAdded);
    }
  }
  let exclusiveChunkBytes = 0;
  let exclusiveChunkGzipBytes = 0;
  let appJsBytes = 0;
  for (const asset of stats.assets) {
    if (!asset.name.endsWith('.js')) continue;
    appJsBytes += asset.size;
    if (
      asset.chunks.length > 0 &&
      asset.chunks.every(c => chunkOnlyAdded.get(String(c)) === true)
    ) {
      exclusiveChunkBytes += asset.size;
      exclusiveChunkGzipBytes += gzipSync(
        readFileSync(join(distDir, asset.name)),
      ).length;
    }
  }
  return {
    appJsBytes,
    pluginSourceBytes: sum(ours),
    exclusiveDependencyBytes: sum(exclusive),
    exclusiveChunkBytes,
    exclusiveChunkGzipBytes,
  };
}
