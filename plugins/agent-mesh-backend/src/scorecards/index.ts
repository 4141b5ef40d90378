export { setupScorecards, allChecks } from './setupScorecards';
export type { ScorecardsSetup } from './setupScorecards';
export { loadGroups, teamTree } from '../catalog';
export { evaluateScorecard } from './evaluateScorecard';
export { builtInChecks } from './checks';
export { parseScorecardsConfig, readScorecardsConfig } from './config';
export type { ScorecardsConfig } from './config';
export type {
  ActivityLookup,
  OverlapInfo,
  OverlapLookup,
  ScorecardResult,
} from './types';
export type { ScorecardStore, StoredScorecard } from './ScorecardStore';
