import { Entity } from '@backstage/catalog-model';
import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardContext } from '../types';
import { builtByOf, normalizeRef, specString } from '../refs';
import { BuiltInCheck, fail, na, pass } from './BuiltInCheck';

async function sponsorProblem(
  agent: Entity,
  context: ScorecardContext,
): Promise<string | undefined> {
  const written = specString(agent, 'sponsor');
  if (!written) {
    return 'has no sponsor';
  }
  const ref = normalizeRef(written, 'user', agent.metadata.namespace);
  if (!ref || !(await context.getEntity(ref))) {
    return `names sponsor ${written}, who is not in the catalog`;
  }
  return undefined;
}

/**
 * An Agent has an accountable sponsor (spec.sponsor, an existing User). For what agents built,
 * every building agent must have one; entities without building agents are `na`.
 */
export const sponsorCheck: BuiltInCheck = {
  id: 'agent-sponsor',
  title: 'Agents have an accountable sponsor',
  weight: 2,
  async evaluate(entity, context) {
    if (isAgentLikeEntity(entity)) {
      const problem = await sponsorProblem(entity, context);
      return problem
        ? fail(
            `The agent ${problem}. Set spec.sponsor to the person accountable for it, e.g. user:default/jane.`,
          )
        : pass(`Sponsored by ${specString(entity, 'sponsor')}.`);
    }
    const builtBy = builtByOf(entity);
    if (builtBy.length === 0) {
      return na('No building agents are named.');
    }
    const problems: string[] = [];
    for (const written of builtBy) {
      const ref = normalizeRef(written, 'agent', entity.metadata.namespace);
      const agent = ref ? await context.getEntity(ref) : undefined;
      if (agent) {
        const problem = await sponsorProblem(agent, context);
        if (problem) problems.push(`${ref} ${problem}`);
      }
    }
    if (problems.length) {
      return fail(
        `${problems.join(
          '; ',
        )}. Ask the agent's owner to set spec.sponsor on it.`,
      );
    }
    return pass('Every known building agent has a sponsor.');
  },
};
