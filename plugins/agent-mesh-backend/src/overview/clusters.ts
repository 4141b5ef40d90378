import {
  OverlapItem,
  OverlapKind,
  OverviewOverlapCluster,
} from '@agent-mesh/plugin-agent-mesh-common';
import { averageLinkage } from './averageLinkage';
import { OverviewEntity } from './catalogEntities';

/** What the clusters are found with: the overlap index. */
export interface OverlapSource {
  overlapsOf(entityRef: string): Promise<OverlapItem[]>;
}

/** An unacknowledged overlap between entities of two different teams. */
export interface OverlapPair {
  a: OverviewEntity;
  b: OverviewEntity;
  score: number;
  kind: OverlapKind;
  reasons: string[];
}

/** Index queries in flight at once. */
const CONCURRENCY = 16;

/** Lets other work (requests) run between batches of index queries. */
const yieldToEventLoop = () => new Promise(resolve => setImmediate(resolve));

/**
 * The unacknowledged cross-team overlaps reachable from the seeds: the seeds' overlaps, their
 * partners' overlaps, and so on, so that a cluster is complete even when only some of its
 * members are in scope. Entities that the caller cannot see (not in `visible`) are left out.
 */
export async function findOverlapPairs(options: {
  seeds: OverviewEntity[];
  visible: Map<string, OverviewEntity>;
  overlaps: OverlapSource;
  /** Stops between batches of queries once aborted. */
  signal?: AbortSignal;
}): Promise<OverlapPair[]> {
  const { visible, overlaps } = options;
  // A pair counts when each side lists the other: the index answers the top matches of each
  // entity, and a one-sided match of a broad entity would chain unrelated work together.
  const pairs = new Map<string, { pair: OverlapPair; sides: Set<string> }>();
  const queued = new Set(options.seeds.map(s => s.ref));
  let frontier = [...options.seeds];
  while (frontier.length) {
    const next: OverviewEntity[] = [];
    for (let i = 0; i < frontier.length; i += CONCURRENCY) {
      options.signal?.throwIfAborted();
      await yieldToEventLoop();
      const batch = frontier.slice(i, i + CONCURRENCY);
      const answers = await Promise.all(
        batch.map(entity => overlaps.overlapsOf(entity.indexRef)),
      );
      batch.forEach((entity, j) => {
        for (const item of answers[j]) {
          if (!item.crossTeam || item.acknowledged) continue;
          const other = visible.get(item.entityRef.toLocaleLowerCase('en-US'));
          if (!other || other.ref === entity.ref) continue;
          if (!entity.owner || !other.owner || entity.owner === other.owner) {
            continue;
          }
          const [a, b] =
            entity.ref < other.ref ? [entity, other] : [other, entity];
          const key = `${a.ref} ${b.ref}`;
          const found = pairs.get(key) ?? {
            pair: {
              a,
              b,
              score: item.score,
              kind: item.kind ?? 'duplicate',
              reasons: item.reasons,
            },
            sides: new Set<string>(),
          };
          found.sides.add(entity.ref);
          pairs.set(key, found);
          if (!queued.has(other.ref)) {
            queued.add(other.ref);
            next.push(other);
          }
        }
      });
    }
    frontier = next;
  }
  return [...pairs.values()]
    .filter(found => found.sides.size === 2)
    .map(found => found.pair);
}

function pluralOf(type: string): string {
  const words = type.replace(/[-_]+/g, ' ').trim();
  if (/[^aeiou]y$/i.test(words)) return `${words.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(words)) return `${words}es`;
  return `${words}s`;
}

function mostCommon(values: string[]): [string, number] | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(
    (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
  )[0];
}

/** Terms of the "similar purpose: a, b, c" reasons of the overlap engine. */
function purposeTerms(reasons: string[]): string[] {
  return reasons
    .filter(r => r.startsWith('similar purpose:'))
    .flatMap(r => r.slice('similar purpose:'.length).split(','))
    .map(t => t.trim())
    .filter(Boolean);
}

/**
 * "3 sales aggregators": the number of members, the purpose term that most overlaps in the
 * cluster share (when at least half of them do) and the members' most common type (when at
 * least half of them have it; otherwise "artifacts").
 */
export function clusterLabel(
  members: OverviewEntity[],
  pairs: OverlapPair[],
): string {
  const type = mostCommon(
    members.map(m => m.type).filter((t): t is string => Boolean(t)),
  );
  const noun =
    type && type[1] * 2 >= members.length ? pluralOf(type[0]) : 'artifacts';
  // A team's own name ("brand" of brand-a) says nothing about the work.
  const ownerWords = new Set(
    members.flatMap(m => (m.owner ?? '').split(/[:/\-_.]+/)),
  );
  const term = mostCommon(
    pairs.flatMap(p =>
      [...new Set(purposeTerms(p.reasons))].filter(t => !ownerWords.has(t)),
    ),
  );
  const prefix =
    term && term[1] * 2 >= pairs.length && !noun.includes(term[0])
      ? `${term[0]} `
      : '';
  return `${members.length} ${prefix}${noun}`;
}

/**
 * The overlap pairs grouped by average linkage (`averageLinkage`): a group holds together only
 * while its members' average pairwise score, a missing pair counting 0, stays at or above
 * `threshold` (the overlap threshold), so dense overlaps do not chain unrelated work into one
 * cluster. A pair whose two sides end up in different clusters is in neither. Duplicate work
 * and alternatives are clustered apart (two different findings); duplicate clusters come
 * first, each kind largest first.
 */
export function overlapClusters(
  pairs: OverlapPair[],
  threshold: number,
): OverviewOverlapCluster[] {
  return (['duplicate', 'alternative'] as const).flatMap(kind =>
    clustersOfKind(
      pairs.filter(p => p.kind === kind),
      threshold,
      kind,
    ),
  );
}

function clustersOfKind(
  pairs: OverlapPair[],
  threshold: number,
  kind: OverlapKind,
): OverviewOverlapCluster[] {
  const entities = new Map<string, OverviewEntity>();
  for (const { a, b } of pairs) {
    entities.set(a.ref, a);
    entities.set(b.ref, b);
  }
  const groups = averageLinkage(
    pairs.map(p => ({ a: p.a.ref, b: p.b.ref, score: p.score })),
    threshold,
  ).map(refs => ({
    members: refs.map(ref => entities.get(ref)!),
    pairs: [] as OverlapPair[],
  }));
  const groupOf = new Map<string, (typeof groups)[number]>();
  for (const group of groups) {
    for (const member of group.members) groupOf.set(member.ref, group);
  }
  for (const pair of pairs) {
    const group = groupOf.get(pair.a.ref);
    if (group && group === groupOf.get(pair.b.ref)) group.pairs.push(pair);
  }

  return groups
    .map(({ members, pairs: inside }) => {
      const sorted = [...members].sort(
        (x, y) =>
          (x.owner ?? '').localeCompare(y.owner ?? '') ||
          x.ref.localeCompare(y.ref),
      );
      const reasons = new Map<string, number>();
      for (const pair of inside) {
        for (const reason of pair.reasons) {
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      return {
        label: clusterLabel(sorted, inside),
        kind,
        members: sorted.map(m => ({
          entityRef: m.ref,
          title: m.title,
          ...(m.owner ? { owner: m.owner } : {}),
        })),
        owners: [
          ...new Set(sorted.map(m => m.owner).filter((o): o is string => !!o)),
        ],
        reasons: [...reasons.entries()]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .slice(0, 5)
          .map(([reason]) => reason),
        maxScore: Math.max(...inside.map(p => p.score)),
      };
    })
    .sort(
      (x, y) =>
        y.members.length - x.members.length ||
        y.maxScore - x.maxScore ||
        x.label.localeCompare(y.label),
    );
}
