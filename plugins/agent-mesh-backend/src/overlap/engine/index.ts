export { OverlapIndex } from './OverlapIndex';
export type {
  OverlapMatch,
  OverlapQueryOptions,
  OverlapIndexOptions,
  SimilarInput,
} from './OverlapIndex';
export { subjectFromEntity } from './subject';
export {
  readOverlapConfig,
  DEFAULT_OVERLAP_CONFIG,
  DEFAULT_OVERLAP_WEIGHTS,
} from './config';
export type { OverlapConfig, OverlapWeights } from './config';
export { tokenize } from './text';
export { KNOWN_SYSTEMS, normalizeSystemName } from './systems';
export { overlapKind } from './overlapKind';
export type { OverlapKind } from './overlapKind';
