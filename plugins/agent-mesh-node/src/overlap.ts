import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * What the overlap engine knows about one entity when it compares two.
 *
 * @public
 */
export interface OverlapSubject {
  /** Compound entity ref, e.g. `aiartifact:default/brand-a-sales-aggregator`. */
  entityRef: string;
  kind: string;
  title: string;
  description: string;
  purpose: string;
  type?: string;
  owner?: string;
  tags: string[];
  integrations: string[];
  /** Entity refs of what it depends on or consumes (resources, APIs, components). */
  dependencies: string[];
}

/**
 * How strongly one signal says that two entities overlap.
 *
 * @public
 */
export interface OverlapSignalResult {
  /** 0 (no evidence) to 1 (certainly the same thing). */
  score: number;
  /** Human-readable reasons, e.g. "both integrate shopify and salesforce". */
  reasons: string[];
}

/**
 * An extra signal for the overlap engine, for example an embedding service that an organisation
 * runs. The engine calls it for candidate pairs and blends its score in with the given weight.
 *
 * @public
 */
export interface OverlapSignal {
  /** Unique id, used in configuration (`agentMesh.overlap.weights.<id>`) and in logs. */
  id: string;
  /** Default weight relative to the built-in signals (text 1.0, structure 1.0). */
  weight: number;
  score(
    a: OverlapSubject,
    b: OverlapSubject,
  ): Promise<OverlapSignalResult> | OverlapSignalResult;
}

/**
 * Lets a backend module add overlap signals to the `agent-mesh` backend plugin.
 *
 * @public
 */
export interface AgentMeshOverlapSignalsExtensionPoint {
  addSignal(...signals: OverlapSignal[]): void;
}

/**
 * @public
 */
export const agentMeshOverlapSignalsExtensionPoint =
  createExtensionPoint<AgentMeshOverlapSignalsExtensionPoint>({
    id: 'agent-mesh.overlap-signals',
  });
