// The churn phase of `yarn bench memory` (see index.ts): node churnPhase.ts <result> <upserts> <entities>
import { OverlapIndex } from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { entryFromEntity } from '../../plugins/agent-mesh-backend/src/overlap/entry';
import { generateAiBuiltWork } from '../catalog/generateCatalog';
import { madeUpWord, measurePhase } from './phase';

async function main() {
  const [resultFile, upserts, entities] = process.argv.slice(2);
  const count = Number(entities);
  const index = new OverlapIndex();
  const stable = generateAiBuiltWork(count).map(entryFromEntity);
  stable.forEach(s => index.upsert(s));
  // A tenth of the catalog keeps changing: new words, systems, tags and owners every time.
  const churning = Math.max(1, Math.floor(count / 10));
  await measurePhase({
    name: 'index churn',
    resultFile,
    operations: Number(upserts),
    step: i => {
      const base = stable[i % stable.length];
      index.upsert({
        ...base,
        entityRef: `aiartifact:default/churning-${i % churning}`,
        title: `${base.title} ${madeUpWord(i, 'q')}`,
        description: `${base.description} ${madeUpWord(i, 'x')} ${madeUpWord(
          i,
          'y',
        )}`,
        tags: [...base.tags, madeUpWord(i, 'tag')],
        integrations: [...base.integrations, madeUpWord(i, 'sys')],
        dependencies: [
          ...base.dependencies,
          `resource:default/${madeUpWord(i, 'r')}`,
        ],
        type: madeUpWord(i % 5000, 'type'),
        owner: `group:default/${madeUpWord(i, 'team')}`,
      });
    },
    extra: () => {
      const { documents, keys, strings, owners } = index.holdings;
      return { documents, keys, strings, owners };
    },
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
