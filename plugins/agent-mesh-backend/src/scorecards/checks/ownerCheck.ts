import { ownerRefOf } from '../refs';
import { BuiltInCheck, fail, pass, warn } from './BuiltInCheck';

/** The owner is an existing Group with members. */
export const ownerCheck: BuiltInCheck = {
  id: 'owner-team',
  title: 'Owned by a team with members',
  weight: 3,
  async evaluate(entity, context) {
    const owner = ownerRefOf(entity);
    if (!owner) {
      return fail(
        'No valid spec.owner. Set spec.owner to the accountable team, e.g. group:default/my-team.',
      );
    }
    const ownerEntity = await context.getEntity(owner);
    if (!ownerEntity) {
      return fail(
        `The owner ${owner} is not in the catalog. Set spec.owner to an existing team.`,
      );
    }
    if (ownerEntity.kind.toLocaleLowerCase('en-US') !== 'group') {
      return warn(
        `The owner ${owner} is a ${ownerEntity.kind}, not a team. Hand ownership to a Group so that it survives people moving on.`,
      );
    }
    if (!(await context.hasMembers(owner))) {
      return fail(
        `The owning team ${owner} has no members. Hand the entity to an active team or add members to ${owner}.`,
      );
    }
    return pass(`Owned by ${owner}, which has members.`);
  },
};
