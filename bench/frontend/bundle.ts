import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

export interface BundleFigures {
  /** Bytes of every JavaScript asset of the production app (minified). */
  appJsBytes: number;
  /** Minified bytes that come from the plugin's own sources (agent-mesh and agent-mesh-common). */
  pluginBytes: number;
  /** Minified bytes of packages that only the plugin brings into the app (e.g. recharts). */
  exclusiveDependencyBytes: number;
  /** The two above, gzipped together. */
  addedGzipBytes: number;
  exclusivePackages: string[];
}

const root = join(__dirname, '..', '..');
const appDir = join(root, 'packages', 'app');
const PLUGIN = '@agent-mesh/plugin-agent-mesh';
const OWN_SOURCE = /plugins\/agent-mesh(-common)?\//;

/** Builds the demo app for production (rspack, minified, with source maps). */
export function buildApp() {
  const result = spawnSync('yarn', ['backstage-cli', 'package', 'build'], {
    cwd: appDir,
    stdio: 'inherit',
    // bench/run.js runs benchmarks with NODE_ENV=production; the CLI sets its own.
    env: { ...process.env, NODE_ENV: undefined },
  });
  if (result.status !== 0) {
    throw new Error(`The app build failed with exit code ${result.status}`);
  }
}

function packageJson(dir: string): any {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** The folder of a package as node resolves it from `fromDir`, or undefined for a missing optional one. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

/** Every package reachable through `dependencies` from the given ones (peer deps are the app's). */
function closure(names: string[], fromDir: string): Set<string> {
  const seen = new Set<string>();
  const queue = names.map(name => ({ name, fromDir }));
  while (queue.length) {
    const { name, fromDir: from } = queue.pop()!;
    if (seen.has(name)) continue;
    const dir = resolvePackageDir(name, from);
    if (!dir) continue;
    seen.add(name);
    for (const dep of Object.keys(packageJson(dir).dependencies ?? {})) {
      queue.push({ name: dep, fromDir: dir });
    }
  }
  return seen;
}

/**
 * Packages that the app gets only because of the plugin: reachable from the plugin's
 * dependencies, but not from any other dependency of the app.
 */
function pluginOnlyPackages(): Set<string> {
  const appDeps = Object.keys(packageJson(appDir).dependencies ?? {});
  const withoutPlugin = closure(
    appDeps.filter(name => name !== PLUGIN),
    appDir,
  );
  const pluginDir = resolvePackageDir(PLUGIN, appDir)!;
  const fromPlugin = closure(
    Object.keys(packageJson(pluginDir).dependencies ?? {}),
    pluginDir,
  );
  return new Set([...fromPlugin].filter(name => !withoutPlugin.has(name)));
}

function packageOf(source: string): string | undefined {
  const index = source.lastIndexOf('node_modules/');
  if (index === -1) return undefined;
  const parts = source.slice(index + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * What the plugin adds to the app bundle, from the source maps of the production build: every
 * stretch of minified output is attributed to the source it came from; the plugin's sources
 * and the packages only the plugin brings in are summed, and their output gzipped together.
 */
export function measureBundle(distDir = join(appDir, 'dist')): BundleFigures {
  const exclusive = pluginOnlyPackages();
  const staticDir = join(distDir, 'static');
  const added: string[] = [];
  let appJsBytes = 0;
  let pluginBytes = 0;
  let exclusiveDependencyBytes = 0;
  const seenExclusive = new Set<string>();

  for (const file of readdirSync(staticDir).filter(f => f.endsWith('.js'))) {
    const code = readFileSync(join(staticDir, file), 'utf8');
    appJsBytes += Buffer.byteLength(code);
    const mapFile = join(staticDir, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const lines = code.split('\n');
    const consumer = new SourceMapConsumer(
      JSON.parse(readFileSync(mapFile, 'utf8')),
    );
    const segments: Array<{ line: number; column: number; source: string }> =
      [];
    consumer.eachMapping(m => {
      segments.push({
        line: m.generatedLine,
        column: m.generatedColumn,
        source: m.source ?? '',
      });
    });
    for (const [i, segment] of segments.entries()) {
      const next = segments[i + 1];
      const lineText = lines[segment.line - 1] ?? '';
      const end =
        next && next.line === segment.line ? next.column : lineText.length;
      const text = lineText.slice(segment.column, end);
      if (OWN_SOURCE.test(segment.source)) {
        pluginBytes += Buffer.byteLength(text);
        added.push(text);
        continue;
      }
      const pkg = packageOf(segment.source);
      if (pkg && exclusive.has(pkg)) {
        exclusiveDependencyBytes += Buffer.byteLength(text);
        seenExclusive.add(pkg);
        added.push(text);
      }
    }
  }
  return {
    appJsBytes,
    pluginBytes,
    exclusiveDependencyBytes,
    addedGzipBytes: gzipSync(added.join('')).length,
    exclusivePackages: [...seenExclusive].sort(),
  };
}
