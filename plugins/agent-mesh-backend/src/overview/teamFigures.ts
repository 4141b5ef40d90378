import {
  OverviewTeam,
  OverviewTeamFigures,
} from '@agent-mesh/plugin-agent-mesh-common';
import { OverviewEntity } from './catalogEntities';
import { OverlapPair } from './clusters';
import { TeamTree } from './teamTree';

/** What the team figures are counted from. */
export interface TeamFigureInputs {
  tree: TeamTree;
  agents: OverviewEntity[];
  artifacts: OverviewEntity[];
  /** Refs of the entities new in the period. */
  newRefs: Set<string>;
  /** Actions in the period per owning team. */
  actionsByOwner: Map<string, number>;
  /** Latest stored score per entity ref. */
  scores: Map<string, number>;
  /** Unacknowledged cross-team overlaps. */
  overlapPairs: OverlapPair[];
}

interface Tally {
  artifacts: number;
  agents: number;
  newThisPeriod: number;
  actions: number;
  scoreSum: number;
  scoreCount: number;
  crossTeamOverlaps: number;
}

const emptyTally = (): Tally => ({
  artifacts: 0,
  agents: 0,
  newThisPeriod: 0,
  actions: 0,
  scoreSum: 0,
  scoreCount: 0,
  crossTeamOverlaps: 0,
});

export const meanScore = (sum: number, count: number): number | null =>
  count ? Math.round((sum / count) * 10) / 10 : null;

function figures(tally: Tally): OverviewTeamFigures {
  return {
    artifacts: tally.artifacts,
    agents: tally.agents,
    newThisPeriod: tally.newThisPeriod,
    actions: tally.actions,
    averageScore: meanScore(tally.scoreSum, tally.scoreCount),
    crossTeamOverlaps: tally.crossTeamOverlaps,
  };
}

/**
 * Figures per team: each team's own (`direct`) and with its sub-teams. An entity counts for its
 * owner and every team above it; an overlap pair counts once for each team that owns either
 * side, directly or through a sub-team (so an overlap between two brand teams counts once for
 * their common parent).
 */
export function computeTeamFigures(
  inputs: TeamFigureInputs,
  teamRefs: string[],
): OverviewTeam[] {
  const { tree } = inputs;
  const direct = new Map<string, Tally>();
  const rolled = new Map<string, Tally>();
  const tallyOf = (map: Map<string, Tally>, ref: string) => {
    let tally = map.get(ref);
    if (!tally) {
      tally = emptyTally();
      map.set(ref, tally);
    }
    return tally;
  };
  const add = (owner: string | undefined, fn: (t: Tally) => void) => {
    if (!owner || !tree.groups.has(owner)) return;
    fn(tallyOf(direct, owner));
    for (const ref of tree.ancestorsOf(owner)) fn(tallyOf(rolled, ref));
  };

  const countEntity = (entity: OverviewEntity, field: 'agents' | 'artifacts') =>
    add(entity.owner, t => {
      t[field] += 1;
      if (inputs.newRefs.has(entity.ref)) t.newThisPeriod += 1;
      const score = inputs.scores.get(entity.ref);
      if (score !== undefined) {
        t.scoreSum += score;
        t.scoreCount += 1;
      }
    });
  inputs.agents.forEach(a => countEntity(a, 'agents'));
  inputs.artifacts.forEach(a => countEntity(a, 'artifacts'));
  for (const [owner, count] of inputs.actionsByOwner) {
    add(owner, t => {
      t.actions += count;
    });
  }
  for (const pair of inputs.overlapPairs) {
    const owners = [pair.a.owner, pair.b.owner].filter((o): o is string =>
      Boolean(o && tree.groups.has(o)),
    );
    for (const ref of new Set(owners)) tallyOf(direct, ref).crossTeamOverlaps++;
    for (const ref of new Set(owners.flatMap(o => tree.ancestorsOf(o)))) {
      tallyOf(rolled, ref).crossTeamOverlaps++;
    }
  }

  return teamRefs
    .map(ref => {
      const group = tree.groups.get(ref)!;
      const parentRef = tree.parentOf(ref);
      return {
        teamRef: ref,
        title: group.title,
        ...(parentRef ? { parentRef } : {}),
        ...figures(rolled.get(ref) ?? emptyTally()),
        direct: figures(direct.get(ref) ?? emptyTally()),
      };
    })
    .sort(
      (x, y) =>
        y.artifacts - x.artifacts ||
        y.agents - x.agents ||
        y.actions - x.actions ||
        x.title.localeCompare(y.title),
    );
}
