/* eslint-disable no-console */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAgentMesh from '@agent-mesh/plugin-catalog-backend-module-agent-mesh';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { numericOption, reportBenchmark } from '../lib/report';
import { generateCatalog } from './generateCatalog';

// How long the real catalog backend takes to ingest a generated organisation from a file
// location, without and with the Agent Mesh catalog module, side by side in one run.

async function ingestSeconds(
  file: string,
  expected: number,
  extraFeatures: BackendFeature[],
): Promise<number> {
  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...extraFeatures,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
            locations: [{ type: 'file', target: file }],
          },
        },
      }),
    ],
  });
  try {
    for (;;) {
      const res = await fetch(
        `http://localhost:${
          (backend.server.address() as { port: number }).port
        }/api/catalog/entities/by-query?limit=1&filter=kind=component,kind=group,kind=user`,
        { headers: { Authorization: 'Bearer mock-user-token' } },
      );
      const body = (await res.json()) as { totalItems: number };
      if (body.totalItems >= expected) break;
      await new Promise(r => setTimeout(r, 200));
    }
    return (performance.now() - started) / 1000;
  } finally {
    await backend.stop();
  }
}

async function main() {
  const count = numericOption(process.argv.slice(2), 'entities', 2000);
  const entities = generateCatalog(count);
  const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-bench-'));
  const file = join(dir, 'catalog.yaml');
  writeFileSync(file, entities.map(e => stringify(e)).join('---\n'));

  try {
    const baseline = await ingestSeconds(file, entities.length, []);
    const withModule = await ingestSeconds(file, entities.length, [
      catalogModuleAgentMesh,
    ]);
    reportBenchmark(
      'catalog',
      { entities: entities.length, database: 'sqlite (in memory)' },
      [
        { name: 'ingest, stock catalog', value: baseline, unit: 's' },
        {
          name: 'ingest, with agent-mesh catalog module',
          value: withModule,
          unit: 's',
        },
        {
          name: 'throughput with module',
          value: entities.length / withModule,
          unit: 'entities/s',
        },
        {
          name: 'module overhead',
          value: ((withModule - baseline) / baseline) * 100,
          unit: '%',
        },
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
