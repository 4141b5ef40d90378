#!/usr/bin/env node
/* eslint-disable no-console */
// Builds and packs every publishable package under plugins/ the way `npm publish` would
// (`yarn pack` runs `backstage-cli package prepack` and `postpack`), into a directory outside the
// work tree, and checks what a registry would serve: no workspace: ranges, every entry point,
// `bin`, `configSchema` and `files` entry present in the tarball, and the Backstage metadata that
// `backstage-cli` and the app's package discovery read.
//
//   node scripts/pack-plugins.js [--out DIR] [--skip-tsc]
//
// Prints one line per package and ends with the directory of the tarballs; exits 1 on any problem.
// `scripts/install-test.sh` installs the tarballs from there.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function parseArgs(argv) {
  const args = { out: undefined, skipTsc: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--skip-tsc') args.skipTsc = true;
    else throw new Error(`Unknown argument ${argv[i]}`);
  }
  return args;
}

function run(command, args, options = {}) {
  return execFileSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

/** The workspaces under plugins/ that are not private, as { name, dir }. */
function publishablePlugins() {
  return run('yarn', ['workspaces', 'list', '--json'])
    .trim()
    .split('\n')
    .map(line => JSON.parse(line))
    .filter(ws => ws.location.startsWith('plugins/'))
    .map(ws => ({ name: ws.name, dir: path.join(root, ws.location) }))
    .filter(ws => !readJson(path.join(ws.dir, 'package.json')).private);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every path string in an `exports` value (conditions and subpaths). */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(exportTargets);
  }
  return [];
}

const LOCAL_RANGE = /^(workspace|link|file|portal|patch):/;
const PLUGIN_ROLES = ['frontend-plugin', 'backend-plugin'];
const LIBRARY_ROLES = ['common-library', 'web-library', 'node-library'];
const MODULE_ROLES = ['frontend-plugin-module', 'backend-plugin-module'];

/** What is wrong with an unpacked tarball (`dir` holds its `package/`), as messages. */
function problemsOf(dir, source) {
  const pkgDir = path.join(dir, 'package');
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  const problems = [];
  const has = file => fs.existsSync(path.join(pkgDir, file));

  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (LOCAL_RANGE.test(range)) {
        problems.push(
          `${field}.${dep} is '${range}', which no registry serves`,
        );
      }
    }
  }
  for (const field of ['main', 'module', 'types', 'browser']) {
    if (typeof pkg[field] === 'string' && !has(pkg[field])) {
      problems.push(`${field} ${pkg[field]} is not in the package`);
    }
  }
  if (!pkg.exports) problems.push('no exports field');
  for (const target of exportTargets(pkg.exports)) {
    if (target.startsWith('@backstage/')) continue; // the `backstage` condition
    if (!has(target)) problems.push(`exports target ${target} is missing`);
  }
  for (const [name, file] of Object.entries(pkg.bin ?? {})) {
    if (!has(file)) problems.push(`bin ${name} (${file}) is missing`);
  }
  if (pkg.configSchema && !has(pkg.configSchema)) {
    problems.push(`configSchema ${pkg.configSchema} is missing`);
  }
  for (const entry of pkg.files ?? []) {
    if (!has(entry)) problems.push(`files entry ${entry} is missing`);
  }
  if (source.files?.includes('migrations') && !has('migrations')) {
    problems.push('migrations/ is missing');
  }
  if (!has('README.md')) problems.push('README.md is missing');
  if (!pkg.license) problems.push('no license');
  if (!pkg.description) problems.push('no description');
  if (!pkg.repository?.url || !pkg.repository?.directory) {
    problems.push('no repository url and directory');
  }
  if (pkg.publishConfig?.access !== 'public') {
    problems.push('publishConfig.access is not public');
  }

  const backstage = pkg.backstage ?? {};
  if (!backstage.role) problems.push('no backstage.role');
  // A command line package belongs to no plugin.
  if (!backstage.pluginId && backstage.role !== 'cli') {
    problems.push('no backstage.pluginId');
  }
  if (
    [...PLUGIN_ROLES, ...LIBRARY_ROLES].includes(backstage.role) &&
    !backstage.pluginPackages?.includes(pkg.name)
  ) {
    problems.push('backstage.pluginPackages does not list the package');
  }
  if (MODULE_ROLES.includes(backstage.role) && !backstage.pluginPackage) {
    problems.push('no backstage.pluginPackage');
  }
  if (
    ['backend-plugin', 'backend-plugin-module'].includes(backstage.role) &&
    backstage.features?.['.'] !== '@backstage/BackendFeature'
  ) {
    problems.push('the main entry point is not marked as a backend feature');
  }
  if (
    backstage.role === 'frontend-plugin' &&
    !Object.values(backstage.features ?? {}).includes(
      '@backstage/FrontendPlugin',
    )
  ) {
    problems.push('no entry point is marked as a frontend plugin');
  }
  return { pkg, problems };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const out = path.resolve(
    args.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'agent-mesh-packs-')),
  );
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) {
    if (file.endsWith('.tgz')) fs.rmSync(path.join(out, file));
  }

  if (!args.skipTsc) {
    console.log('yarn tsc (declarations for the builds)');
    run('yarn', ['tsc'], { stdio: 'inherit' });
  }

  const plugins = publishablePlugins();
  const versions = new Map();
  const results = [];
  for (const { name, dir } of plugins) {
    const started = Date.now();
    try {
      run('yarn', ['build'], { cwd: dir });
      run('yarn', ['pack', '--out', path.join(out, '%s-%v.tgz')], {
        cwd: dir,
      });
    } catch (error) {
      console.error(`${name}: build or pack failed\n${error.stdout ?? ''}`);
      console.error(error.stderr ?? error.message);
      process.exitCode = 1;
      continue;
    }
    const source = readJson(path.join(dir, 'package.json'));
    const tarball = path.join(
      out,
      `${name.replace('/', '-')}-${source.version}.tgz`,
    );
    const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-mesh-pack-'));
    run('tar', ['-xzf', tarball, '-C', unpacked]);
    const { pkg, problems } = problemsOf(unpacked, source);
    fs.rmSync(unpacked, { recursive: true, force: true });
    versions.set(name, pkg.version);
    results.push({ name, pkg, problems, tarball, ms: Date.now() - started });
  }

  // Our packages depend on each other by range: each range must accept the packed version.
  for (const result of results) {
    for (const [dep, range] of Object.entries(result.pkg.dependencies ?? {})) {
      const version = versions.get(dep);
      if (version && range !== `^${version}` && range !== version) {
        result.problems.push(
          `depends on ${dep}@${range}, but the packed version is ${version}`,
        );
      }
    }
  }

  for (const { name, problems, tarball, ms } of results) {
    const size = Math.round(fs.statSync(tarball).size / 1024);
    if (problems.length === 0) {
      console.log(`ok   ${name} (${size} KiB, ${(ms / 1000).toFixed(1)} s)`);
    } else {
      process.exitCode = 1;
      console.log(`FAIL ${name}`);
      for (const problem of problems) console.log(`     - ${problem}`);
    }
  }
  console.log(`${results.length} package(s) packed into ${out}`);
  if (results.length !== plugins.length) process.exitCode = 1;
}

main();
