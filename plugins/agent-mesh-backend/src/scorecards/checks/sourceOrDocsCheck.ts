import { lifecycleOf } from '../refs';
import { BuiltInCheck, fail, na, pass } from './BuiltInCheck';

const SOURCE_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/techdocs-ref',
];

/** A source location (or TechDocs) annotation, or a link of type docs. */
export const sourceOrDocsCheck: BuiltInCheck = {
  id: 'source-or-docs',
  title: 'Source location or docs link',
  weight: 1,
  evaluate(entity) {
    if (lifecycleOf(entity) === 'proposed') {
      return na('Proposed work has no source yet.');
    }
    const annotations = entity.metadata.annotations ?? {};
    const found = SOURCE_ANNOTATIONS.find(a => annotations[a]?.trim());
    if (found) {
      return pass(`Has ${found}.`);
    }
    const docs = (entity.metadata.links ?? []).find(
      l =>
        l.type?.toLocaleLowerCase('en-US') === 'docs' ||
        l.icon?.toLocaleLowerCase('en-US') === 'docs',
    );
    if (docs) {
      return pass(`Has a docs link: ${docs.url}.`);
    }
    return fail(
      'Neither a backstage.io/source-location annotation nor a docs link. Add the repository as backstage.io/source-location, or a link with type: docs.',
    );
  },
};
