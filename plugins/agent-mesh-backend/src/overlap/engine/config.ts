import { Config } from '@backstage/config';
import {
  DEFAULT_OVERLAP_KINDS,
  DEFAULT_OVERLAP_TYPES,
} from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Weights of the built-in signals. Each is how far one piece of evidence alone can raise the
 * score (see `scorePair`); extra signals from the extension point take their weight from
 * `weights.<signal id>`, or their own default.
 */
export interface OverlapWeights {
  /** TF-IDF cosine of title, description and purpose. Default 1. */
  text: number;
  /** Shared declared integrations, weighted by how rare each system is. Default 0.6. */
  integrations: number;
  /**
   * Integrations of the same kind of system (e.g. Sentry and Rollbar). Default 0.15: the kind
   * of job a known system does also counts in the text, as words.
   */
  systemCategories: number;
  /** Shared dependencies and APIs, weighted by rarity. Default 0.5. */
  dependencies: number;
  /** Shared tags, weighted by rarity. Default 0.3. */
  tags: number;
  /** The same spec.type, weighted by rarity. Default 0.15. */
  type: number;
  /** Weights of extra signals by id. */
  [signalId: string]: number;
}

/** `agentMesh.overlap` in app-config. */
export interface OverlapConfig {
  /** Matches at or above this score (0..1) are overlaps. Default 0.3. */
  threshold: number;
  /** At most this many matches per entity. Default 10. */
  maxResults: number;
  /**
   * An alternative's score is its strength times this (0..1), so that it ranks below a
   * duplicate of the same strength. Default 0.99: on the overlap-quality sets 0.8 cost the
   * `any` tier 0.05 of F1 at the default threshold and 0.99 nothing.
   */
  alternativeFactor: number;
  /** Kinds other than AiArtifact that take part when they carry the built-by annotation. */
  kinds: string[];
  /** spec.types that make an entity of those kinds take part even without the annotation. Default `mcp-server`. */
  types: string[];
  weights: OverlapWeights;
}

export const DEFAULT_OVERLAP_WEIGHTS: OverlapWeights = {
  text: 1,
  integrations: 0.6,
  systemCategories: 0.15,
  dependencies: 0.5,
  tags: 0.3,
  type: 0.15,
};

export const DEFAULT_OVERLAP_CONFIG: OverlapConfig = {
  threshold: 0.3,
  maxResults: 10,
  alternativeFactor: 0.99,
  kinds: [...DEFAULT_OVERLAP_KINDS],
  types: [...DEFAULT_OVERLAP_TYPES],
  weights: DEFAULT_OVERLAP_WEIGHTS,
};

function checkUnit(value: number, key: string): number {
  if (!(value >= 0 && value <= 1)) {
    throw new Error(
      `agentMesh.overlap.${key} must be between 0 and 1, got ${value}`,
    );
  }
  return value;
}

/** Reads `agentMesh.overlap` from the root config, with the defaults above for what is missing. */
export function readOverlapConfig(config: Config): OverlapConfig {
  const overlap = config.getOptionalConfig('agentMesh.overlap');
  if (!overlap) return { ...DEFAULT_OVERLAP_CONFIG };
  const weights: OverlapWeights = { ...DEFAULT_OVERLAP_WEIGHTS };
  const weightsConfig = overlap.getOptionalConfig('weights');
  for (const key of weightsConfig?.keys() ?? []) {
    weights[key] = checkUnit(weightsConfig!.getNumber(key), `weights.${key}`);
  }
  const maxResults =
    overlap.getOptionalNumber('maxResults') ??
    DEFAULT_OVERLAP_CONFIG.maxResults;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
    throw new Error(
      `agentMesh.overlap.maxResults must be an integer from 1 to 100, got ${maxResults}`,
    );
  }
  return {
    threshold: checkUnit(
      overlap.getOptionalNumber('threshold') ??
        DEFAULT_OVERLAP_CONFIG.threshold,
      'threshold',
    ),
    maxResults,
    alternativeFactor: checkUnit(
      overlap.getOptionalNumber('alternativeFactor') ??
        DEFAULT_OVERLAP_CONFIG.alternativeFactor,
      'alternativeFactor',
    ),
    kinds: overlap.getOptionalStringArray('kinds') ?? [
      ...DEFAULT_OVERLAP_KINDS,
    ],
    types: overlap.getOptionalStringArray('types') ?? [
      ...DEFAULT_OVERLAP_TYPES,
    ],
    weights,
  };
}
