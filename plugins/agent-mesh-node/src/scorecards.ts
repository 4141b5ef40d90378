import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ScorecardCheckOutcomeStatus } from '@agent-mesh/plugin-agent-mesh-common';

/**
 * The outcome of one check on one entity.
 *
 * @public
 */
export type ScorecardCheckStatus = ScorecardCheckOutcomeStatus;

/**
 * @public
 */
export interface ScorecardCheckResult {
  status: ScorecardCheckStatus;
  /** What was found and, when it is not a pass, what to do about it. */
  detail: string;
}

/**
 * A governance check, evaluated for each entity that it applies to.
 *
 * @public
 */
export interface ScorecardCheck {
  /** Unique id, used in `agentMesh.scorecards` configuration and in exemptions. */
  id: string;
  title: string;
  /** Default weight in the score; configuration may override it. */
  weight?: number;
  evaluate(
    entity: Entity,
    context: ScorecardCheckContext,
  ): Promise<ScorecardCheckResult> | ScorecardCheckResult;
}

/**
 * What a check may look up beyond the entity itself.
 *
 * @public
 */
export interface ScorecardCheckContext {
  /** Returns a catalog entity by ref, or undefined when it does not exist. */
  getEntity(entityRef: string): Promise<Entity | undefined>;
}

/**
 * Lets a backend module add custom scorecard checks to the `agent-mesh` backend plugin.
 *
 * @public
 */
export interface AgentMeshScorecardChecksExtensionPoint {
  addCheck(...checks: ScorecardCheck[]): void;
}

/**
 * @public
 */
export const agentMeshScorecardChecksExtensionPoint =
  createExtensionPoint<AgentMeshScorecardChecksExtensionPoint>({
    id: 'agent-mesh.scorecard-checks',
  });
