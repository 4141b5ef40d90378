import { isAiArtifactEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { specString } from '../refs';
import { BuiltInCheck, fail, pass } from './BuiltInCheck';

/** A description, and for an AiArtifact a purpose. */
export const documentationCheck: BuiltInCheck = {
  id: 'description-purpose',
  title: 'Description and purpose',
  weight: 1,
  evaluate(entity) {
    const missing: string[] = [];
    if (!entity.metadata.description?.trim()) {
      missing.push('metadata.description');
    }
    if (isAiArtifactEntity(entity) && !specString(entity, 'purpose')) {
      missing.push('spec.purpose');
    }
    if (missing.length) {
      return fail(
        `Missing ${missing.join(
          ' and ',
        )}. Say what it does and, in spec.purpose, what problem it solves and for whom.`,
      );
    }
    return pass(
      isAiArtifactEntity(entity)
        ? 'Has a description and a purpose.'
        : 'Has a description.',
    );
  },
};
