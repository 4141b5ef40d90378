import { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * `agentMesh.exampleChecks.costCentre`, with the defaults filled in.
 *
 * @public
 */
export interface CostCentreCheckConfig {
  /** The annotation that holds the cost centre. */
  annotation: string;
  /** Lower-case lifecycles that must declare one; other entities are `na`. */
  lifecycles: string[];
  /** The format that cost centres follow, when the organisation has one. */
  pattern?: RegExp;
  /** Whether a cost centre on the owning Group counts for what it owns. */
  inheritFromOwner: boolean;
}

export const COST_CENTRE_CONFIG_KEY = 'agentMesh.exampleChecks.costCentre';

/**
 * The annotation that holds the cost centre unless configured otherwise.
 *
 * @public
 */
export const DEFAULT_COST_CENTRE_ANNOTATION = 'agent-mesh.io/cost-centre';

/**
 * Reads the check's settings; throws an error naming the key when one is invalid.
 *
 * @public
 */
export function readCostCentreCheckConfig(
  config: RootConfigService,
): CostCentreCheckConfig {
  const key = (name: string) => `${COST_CENTRE_CONFIG_KEY}.${name}`;
  const annotation =
    config.getOptionalString(key('annotation'))?.trim() ||
    DEFAULT_COST_CENTRE_ANNOTATION;

  const lifecycles = config.getOptionalStringArray(key('lifecycles')) ?? [
    'production',
  ];
  if (lifecycles.length === 0) {
    throw new Error(
      `Invalid configuration: ${key(
        'lifecycles',
      )} must name at least one lifecycle`,
    );
  }

  const patternText = config.getOptionalString(key('pattern'));
  let pattern: RegExp | undefined;
  if (patternText !== undefined) {
    try {
      pattern = new RegExp(patternText);
    } catch (error) {
      throw new Error(
        `Invalid configuration: ${key(
          'pattern',
        )} is not a regular expression: ${(error as Error).message}`,
      );
    }
  }

  return {
    annotation,
    lifecycles: lifecycles.map(l => l.toLocaleLowerCase('en-US')),
    pattern,
    inheritFromOwner:
      config.getOptionalBoolean(key('inheritFromOwner')) ?? true,
  };
}
