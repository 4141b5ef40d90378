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
  const sponsor = ref ? await context.getEntity(ref) : undefined;
  if (!ref || !sponsor) {
    return `names sponsor ${written}, who is not in the catalog (an orphaned agent)`;
  }
  const kind = sponsor.kind.toLocaleLowerCase('en-US');
  if (kind === 'group') {
    return (await context.hasMembers(ref))
      ? undefined
      : `names sponsor ${written}, a group without members (an orphaned agent)`;
  }
  if (kind !== 'user') {
    return `names sponsor ${written}, a ${sponsor.kind}, not a User or Group`;
  }
  return undefined;
}

/**
 * An Agent has an accountable sponsor (spec.sponsor: an existing User, or a Group with members,
 * as Entra Agent ID requires of agent identities); an agent whose sponsor has left the catalog is
 * orphaned. For what agents built, every building agent must have one; entities without
 * building agents are `na`.
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
            `The agent ${problem}. Set spec.sponsor to the person or team accountable for it, e.g. user:default/jane.`,
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
