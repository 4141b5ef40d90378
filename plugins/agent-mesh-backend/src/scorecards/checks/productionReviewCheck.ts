import { isAiArtifactEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { lifecycleOf, specString } from '../refs';
import { BuiltInCheck, fail, na, pass } from './BuiltInCheck';

/** A production AiArtifact names reviewers and a data classification. */
export const productionReviewCheck: BuiltInCheck = {
  id: 'production-review',
  title: 'Production artifacts are reviewed and classified',
  weight: 2,
  evaluate(entity) {
    if (!isAiArtifactEntity(entity)) {
      return na('Applies to AiArtifact entities only.');
    }
    if (lifecycleOf(entity) !== 'production') {
      return na('Applies to production artifacts only.');
    }
    const reviewers = Array.isArray(entity.spec.reviewers)
      ? entity.spec.reviewers.filter(r => typeof r === 'string' && r.trim())
      : [];
    const missing: string[] = [];
    if (reviewers.length === 0) missing.push('spec.reviewers');
    if (!specString(entity, 'dataClassification')) {
      missing.push('spec.dataClassification');
    }
    if (missing.length) {
      return fail(
        `A production artifact without ${missing.join(
          ' and ',
        )}. Name the people or teams who review its changes and classify the data it handles (e.g. internal, confidential).`,
      );
    }
    return pass(
      `Reviewed by ${reviewers.join(', ')}; data classified ${specString(
        entity,
        'dataClassification',
      )}.`,
    );
  },
};
