import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ScorecardCheck,
  ScorecardCheckResult,
} from '@agent-mesh/plugin-agent-mesh-node';
import { CostCentreCheckConfig } from './config';

/**
 * The id of the check, in `agentMesh.scorecards.checks` and in exemptions.
 *
 * @public
 */
export const COST_CENTRE_CHECK_ID = 'cost-centre';

function annotationOf(entity: Entity, annotation: string): string | undefined {
  const value = entity.metadata.annotations?.[annotation]?.trim();
  return value ? value : undefined;
}

/** spec.owner as a full ref (a Group unless it says otherwise), or undefined when unusable. */
function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  try {
    const ref = parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/**
 * A scorecard check: entities in the configured lifecycles (default: production) declare the
 * cost centre that their agents' spend is charged to, in an annotation on themselves or on their
 * owning team.
 *
 * @public
 */
export function createCostCentreCheck(
  config: CostCentreCheckConfig,
): ScorecardCheck {
  const { annotation, lifecycles, pattern } = config;

  const malformed = (value: string, where: string): ScorecardCheckResult => ({
    status: 'fail',
    detail: `The cost centre '${value}' on ${where} does not match the organisation's format ${pattern}. Correct the ${annotation} annotation.`,
  });

  return {
    id: COST_CENTRE_CHECK_ID,
    title: `${lifecycles
      .map(l => l.charAt(0).toLocaleUpperCase('en-US') + l.slice(1))
      .join(' and ')} work declares a cost centre`,
    weight: 1,
    async evaluate(entity, context) {
      const lifecycle =
        typeof entity.spec?.lifecycle === 'string'
          ? entity.spec.lifecycle.toLocaleLowerCase('en-US')
          : undefined;
      if (!lifecycle || !lifecycles.includes(lifecycle)) {
        return {
          status: 'na',
          detail: `Applies to ${lifecycles.join(', ')} entities only.`,
        };
      }

      const own = annotationOf(entity, annotation);
      if (own) {
        if (pattern && !pattern.test(own)) return malformed(own, 'the entity');
        return { status: 'pass', detail: `Cost centre ${own}.` };
      }

      const ownerRef = ownerRefOf(entity);
      if (config.inheritFromOwner && ownerRef?.startsWith('group:')) {
        const owner = await context.getEntity(ownerRef);
        const inherited = owner && annotationOf(owner, annotation);
        if (inherited) {
          if (pattern && !pattern.test(inherited)) {
            return malformed(inherited, `the owning team ${ownerRef}`);
          }
          return {
            status: 'pass',
            detail: `Cost centre ${inherited}, from the owning team ${ownerRef}.`,
          };
        }
      }

      const where =
        config.inheritFromOwner && ownerRef
          ? `the entity or its owner ${ownerRef}`
          : 'the entity';
      return {
        status: 'fail',
        detail: `No ${annotation} annotation on ${where}. Add one${
          pattern ? ` (format ${pattern})` : ''
        } so that the spend of its agents is charged to a budget.`,
      };
    },
  };
}
