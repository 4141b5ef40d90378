import { isAgentEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { lifecycleOf, refOf } from '../refs';
import { BuiltInCheck, fail, na, pass, warn } from './BuiltInCheck';

/** No unacknowledged cross-team overlap; proposed work only warns (it is not built yet). */
export const overlapCheck: BuiltInCheck = {
  id: 'no-unacknowledged-overlap',
  title: 'No unacknowledged cross-team overlap',
  weight: 2,
  async evaluate(entity, context) {
    if (isAgentEntity(entity)) {
      return na('Agents are not compared for overlap.');
    }
    if (!context.overlapsOf) {
      return na('The overlap index is not available.');
    }
    const overlaps = await context.overlapsOf(refOf(entity));
    const open = overlaps
      .filter(o => o.crossTeam && !o.acknowledged)
      .sort((a, b) => b.score - a.score);
    if (open.length === 0) {
      const kept = overlaps.length - open.length;
      return pass(
        kept
          ? `No unacknowledged cross-team overlap (${kept} same-team or acknowledged).`
          : 'No overlap with other teams.',
      );
    }
    const list = open
      .map(o => `${o.entityRef} (${o.score.toFixed(2)})`)
      .join(', ');
    const todo =
      'Talk to the other owners: merge the work, or keep both and record why in spec.acknowledgedOverlaps (agent-mesh.io/acknowledged-overlaps on other kinds).';
    return lifecycleOf(entity) === 'proposed'
      ? warn(`Proposed work overlaps other teams' work: ${list}. ${todo}`)
      : fail(`Overlaps other teams' work: ${list}. ${todo}`);
  },
};
