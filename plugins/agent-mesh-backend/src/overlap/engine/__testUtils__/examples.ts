import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';

/** The demo organisation's entities, from examples/*.yaml. For tests. */
export function loadExampleEntities(): Entity[] {
  // Tests run from the source tree, where the repository's examples/ folder sits above.
  // eslint-disable-next-line no-restricted-syntax
  const dir = join(__dirname, '../../../../../../examples');
  return readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(d =>
        d.toJS(),
      ),
    )
    .filter((e): e is Entity => Boolean(e?.kind));
}
