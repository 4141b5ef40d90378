#!/usr/bin/env node
/* eslint-disable no-console */
// Edits a freshly scaffolded Backstage app for scripts/install-test.sh. Each subcommand does one
// step; those that follow a plugin README first check that the README says exactly that.
//
//   node portal.js pin <portal>                  pin @backstage/* to this repository's release
//   node portal.js registry <portal> <url>       resolve @agent-mesh/* from the local registry
//   node portal.js readme-command <readme> <command>
//                                                exit 1 unless the README's install steps show it
//   node portal.js backend-add <portal> <readme> <line>
//                                                add a README's `backend.add(...)` line
//   node portal.js readme-config <portal> <readme> <after>
//                                                merge the README's app-config block that follows
//                                                the text <after> into app-config.yaml
//   node portal.js examples <portal> <examplesDir>
//                                                the demo organisation as a catalog location, and
//                                                its actions as the action log's seed file
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '../..');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Text without its whitespace and trailing commas, so that neither how prettier wraps a line nor
 * a trailing comma matters when a README's code is compared with what the test runs.
 */
function flat(text) {
  return text.replace(/\s+/g, '').replace(/,\)/g, ')');
}

/** The fenced code blocks of a README, with the text before each. */
function codeBlocks(readme) {
  const text = fs.readFileSync(readme, 'utf8');
  const blocks = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```/gm;
  let match;
  let last = 0;
  while ((match = fence.exec(text))) {
    blocks.push({
      lang: match[1],
      code: match[2],
      before: text.slice(last, match.index),
    });
    last = fence.lastIndex;
  }
  return blocks;
}

function requireInReadme(readme, snippet) {
  const found = codeBlocks(readme).some(b =>
    flat(b.code).includes(flat(snippet)),
  );
  if (!found) {
    console.error(
      `${path.relative(
        root,
        readme,
      )} does not show \`${snippet}\` in a code block; the install test follows the README, so change both`,
    );
    process.exit(1);
  }
}

/**
 * Pins every `@backstage/*` package to the version of this repository's release (the root
 * resolutions), and the app's other direct `@backstage/*` dependencies to the version the
 * template wrote: what a portal on that release has in its lockfile. Without a lockfile seed,
 * create-app would get the newest versions in each range, a mix of releases.
 */
function pin(portal) {
  const ours = readJson(path.join(root, 'package.json')).resolutions ?? {};
  const resolutions = Object.fromEntries(
    Object.entries(ours).filter(([name]) => name.startsWith('@backstage/')),
  );
  for (const dir of ['packages/app', 'packages/backend', '.']) {
    const pkg = readJson(path.join(portal, dir, 'package.json'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        const exact = /^[~^]?(\d+\.\d+\.\d+)$/.exec(range)?.[1];
        if (name.startsWith('@backstage/') && !resolutions[name] && exact) {
          resolutions[name] = exact;
        }
      }
    }
  }
  const file = path.join(portal, 'package.json');
  const pkg = readJson(file);
  pkg.resolutions = { ...pkg.resolutions, ...resolutions };
  writeJson(file, pkg);
  console.log(
    `pinned ${Object.keys(resolutions).length} @backstage/* packages`,
  );
}

/** Resolves the @agent-mesh scope from the local registry, as from a private registry. */
function registry(portal, url) {
  const file = path.join(portal, '.yarnrc.yml');
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  const host = new URL(url).hostname;
  doc.set('npmScopes', { 'agent-mesh': { npmRegistryServer: url } });
  doc.set('unsafeHttpWhitelist', [host]);
  // The app's age gate would hold back packages published a minute ago.
  const approved = doc.get('npmPreapprovedPackages')?.toJSON() ?? [];
  doc.set('npmPreapprovedPackages', [...approved, '@agent-mesh/*']);
  fs.writeFileSync(file, doc.toString());
}

function backendAdd(portal, readme, line) {
  requireInReadme(readme, line);
  const file = path.join(portal, 'packages/backend/src/index.ts');
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes('backend.start();')) {
    throw new Error(`${file} has no backend.start();`);
  }
  fs.writeFileSync(
    file,
    text.replace('backend.start();', `${line}\n\nbackend.start();`),
  );
}

/** Deep merge where arrays and scalars of `patch` replace those of `base`. */
function merge(base, patch) {
  if (
    base &&
    patch &&
    typeof base === 'object' &&
    typeof patch === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(patch)
  ) {
    const out = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      out[key] = merge(base[key], value);
    }
    return out;
  }
  return patch;
}

function readConfig(portal) {
  const file = path.join(portal, 'app-config.yaml');
  return { file, config: YAML.parse(fs.readFileSync(file, 'utf8')) };
}

function readmeConfig(portal, readme, after) {
  const block = codeBlocks(readme).find(
    b => b.lang === 'yaml' && flat(b.before).endsWith(flat(after)),
  );
  if (!block) {
    console.error(
      `${path.relative(root, readme)} has no yaml block after "${after}"`,
    );
    process.exit(1);
  }
  const { file, config } = readConfig(portal);
  fs.writeFileSync(file, YAML.stringify(merge(config, YAML.parse(block.code))));
}

function examples(portal, examplesDir) {
  const { file, config } = readConfig(portal);
  config.catalog.locations = [
    ...(config.catalog.locations ?? []),
    { type: 'file', target: path.join(examplesDir, 'all.yaml') },
  ];
  config.agentMesh = merge(config.agentMesh ?? {}, {
    actions: { seedFile: path.join(examplesDir, 'actions.ndjson') },
  });
  fs.writeFileSync(file, YAML.stringify(config));
}

const [command, ...args] = process.argv.slice(2);
const commands = {
  pin: () => pin(args[0]),
  registry: () => registry(args[0], args[1]),
  'readme-command': () => requireInReadme(args[0], args[1]),
  'backend-add': () => backendAdd(args[0], args[1], args[2]),
  'readme-config': () => readmeConfig(args[0], args[1], args[2]),
  examples: () => examples(args[0], args[1]),
};
if (!commands[command]) {
  console.error(`Unknown command ${command}`);
  process.exit(2);
}
commands[command]();
