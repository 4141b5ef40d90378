/* eslint-disable no-console */
// `yarn bench overview-clusters [--entities N] [--runs N]`: the overview's overlap clusters on
// the organisation of `yarn bench overview` (N AI-built entities, default 1,000): the
// cluster-size distribution of average linkage (what `GET /overview` shows), the same for the
// connected components of the same pairs (the single-linkage clusters the overview showed
// before), and how long the clustering takes. The pairs come from the real overlap engine,
// queried in process; `yarn bench overview` measures the route itself.
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapIndex,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { entryFromEntity } from '../../plugins/agent-mesh-backend/src/overlap/entry';
import { loadCatalogSnapshot } from '../../plugins/agent-mesh-backend/src/overview/catalogEntities';
import { readOverlapConfig } from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { findOverlapPairs } from '../../plugins/agent-mesh-backend/src/overview/clusters';
import { numericOption, reportBenchmark } from '../lib/report';
import { generateOrganisation } from '../overview/organisation';
import { clusterFigures } from './clusterFigures';

async function main() {
  const args = process.argv.slice(2);
  const count = numericOption(args, 'entities', 1_000);
  const runs = numericOption(args, 'runs', 5);
  const { entities, agents, teams } = generateOrganisation(count);

  console.log(`Indexing ${count} AI-built entities for overlap ...`);
  const index = new OverlapIndex();
  for (const entity of entities) {
    if (entity.kind === 'AiArtifact' || entity.kind === 'Component') {
      index.upsert(entryFromEntity(entity));
    }
  }
  const { artifacts } = await loadCatalogSnapshot(
    catalogServiceMock({ entities }),
    mockCredentials.service(),
    readOverlapConfig(new ConfigReader({})),
  );
  console.log('Finding the overlap pairs ...');
  const pairs = await findOverlapPairs({
    seeds: artifacts,
    visible: new Map(artifacts.map(a => [a.ref, a])),
    overlaps: {
      overlapsOf: async ref =>
        (await index.query(ref)).map(m => ({ ...m, acknowledged: false })),
    },
  });
  reportBenchmark(
    'overview-clusters',
    { entities: count, agents, teams, runs },
    clusterFigures(pairs, DEFAULT_OVERLAP_CONFIG.threshold, runs),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
