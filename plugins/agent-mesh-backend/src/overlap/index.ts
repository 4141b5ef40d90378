export { setupOverlap } from './setupOverlap';
export type { OverlapService } from './OverlapService';
export { readiness } from './OverlapService';
export type { OverlapEntry } from './entry';
