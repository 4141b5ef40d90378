import { Entity } from '@backstage/catalog-model';
import {
  ScorecardCheck,
  ScorecardCheckResult,
} from '@agent-mesh/plugin-agent-mesh-node';
import { ScorecardContext } from '../types';

/** A built-in check: a `ScorecardCheck` that uses the full scorecard context. */
export interface BuiltInCheck extends ScorecardCheck {
  weight: number;
  evaluate(
    entity: Entity,
    context: ScorecardContext,
  ): Promise<ScorecardCheckResult> | ScorecardCheckResult;
}

export const pass = (detail: string): ScorecardCheckResult => ({
  status: 'pass',
  detail,
});
export const fail = (detail: string): ScorecardCheckResult => ({
  status: 'fail',
  detail,
});
export const warn = (detail: string): ScorecardCheckResult => ({
  status: 'warn',
  detail,
});
export const na = (detail: string): ScorecardCheckResult => ({
  status: 'na',
  detail,
});
