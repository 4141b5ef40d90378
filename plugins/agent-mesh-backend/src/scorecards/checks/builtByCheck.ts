import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { builtByOf, lifecycleOf, normalizeRef, ownerRefOf } from '../refs';
import { BuiltInCheck, fail, na, pass, warn } from './BuiltInCheck';

/** Every agent that built it exists in the catalog and has an owner. */
export const builtByCheck: BuiltInCheck = {
  id: 'built-by-agents',
  title: 'Built by known, owned agents',
  weight: 2,
  async evaluate(entity, context) {
    if (isAgentLikeEntity(entity)) {
      return na('Agents are not built by agents.');
    }
    const builtBy = builtByOf(entity);
    if (builtBy.length === 0) {
      if (lifecycleOf(entity) === 'proposed') {
        return na('Proposed work is not built yet.');
      }
      return warn(
        'No building agents are named. List them in spec.builtBy (or the agent-mesh.io/built-by annotation).',
      );
    }
    const problems: string[] = [];
    for (const written of builtBy) {
      const ref = normalizeRef(written, 'agent', entity.metadata.namespace);
      const agent = ref ? await context.getEntity(ref) : undefined;
      if (!agent) {
        problems.push(`${written} is not in the catalog`);
      } else if (!ownerRefOf(agent)) {
        problems.push(`${ref} has no owner`);
      }
    }
    if (problems.length) {
      return fail(
        `${problems.join(
          '; ',
        )}. Register every building agent as an Agent entity with spec.owner.`,
      );
    }
    return pass(`Built by ${builtBy.join(', ')}, all known and owned.`);
  },
};
