import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { lifecycleOf, refOf } from '../refs';
import { BuiltInCheck, fail, na, pass, warn } from './BuiltInCheck';
import { OverlapInfo } from '../types';

/** How a detail names another entity: its full ref and the overlap score. */
const MENTION =
  /([a-z0-9][a-z0-9_.-]*:[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*) \((\d+\.\d{2})\)/gi;
const mention = (o: OverlapInfo) => `${o.entityRef} (${o.score.toFixed(2)})`;

/**
 * No unacknowledged cross-team duplicate work. Duplicates fail (proposed work only warns: it is
 * not built yet); alternatives (the same job with other products) warn, since choosing one
 * vendor is a question to settle, not waste to remove now.
 */
export const overlapCheck: BuiltInCheck = {
  id: 'no-unacknowledged-overlap',
  title: 'No unacknowledged cross-team overlap',
  weight: 2,
  async evaluate(entity, context) {
    if (isAgentLikeEntity(entity)) {
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
    const list = (items: OverlapInfo[]) => items.map(mention).join(', ');
    const duplicates = open.filter(o => o.kind !== 'alternative');
    const alternatives = open.filter(o => o.kind === 'alternative');
    const ack =
      'or keep both and record why in spec.acknowledgedOverlaps (agent-mesh.io/acknowledged-overlaps on other kinds).';
    const alsoAlternatives = alternatives.length
      ? ` Alternatives (the same job with other products): ${list(
          alternatives,
        )}.`
      : '';
    if (duplicates.length === 0) {
      return warn(
        `Other teams do the same job with other products: ${list(
          alternatives,
        )}. Consider standardising on one, ${ack}`,
      );
    }
    const todo = `Talk to the other owners: merge the work, ${ack}`;
    return lifecycleOf(entity) === 'proposed'
      ? warn(
          `Proposed work duplicates other teams' work: ${list(
            duplicates,
          )}. ${todo}${alsoAlternatives}`,
        )
      : fail(
          `Duplicates other teams' work: ${list(
            duplicates,
          )}. ${todo}${alsoAlternatives}`,
        );
  },
};

/** The entities (full, lower-case refs) that a detail of this check names. */
export function entitiesNamedIn(detail: string): string[] {
  return [...detail.matchAll(MENTION)].map(m =>
    m[1].toLocaleLowerCase('en-US'),
  );
}

/**
 * The detail with each of the `hidden` entities (full, lower-case refs) named as "an entity you
 * may not see", its score kept: the overlap counts, whoever may see the other side.
 */
export function withoutEntities(detail: string, hidden: Set<string>): string {
  return detail.replace(MENTION, (whole, ref: string, score: string) =>
    hidden.has(ref.toLocaleLowerCase('en-US'))
      ? `an entity you may not see (${score})`
      : whole,
  );
}
