// The overlap engine as a method of the bench: every pair of a set with its score and kind.
import {
  OverlapIndex,
  OverlapIndexOptions,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { Item } from './datasets';
import { Kinds, pairKey, Scores } from './metrics';

export interface Method {
  name: string;
  scores: Scores;
  /** The engine's kinds; baselines have none. */
  kinds?: Kinds;
}

const PREFIX = 'aiartifact:default/';

export const ref = (item: Item) => `${PREFIX}${item.id}`;

/** The item id of an entity ref made by `ref`. */
export const idOf = (entityRef: string) => entityRef.slice(PREFIX.length);

/**
 * Records one direction of a pair (`fromId`'s match): a pair takes the higher score of its two
 * directions, and the `kind` of that direction when the engine gives one.
 */
export function recordMatch(
  scores: Scores,
  kinds: Kinds,
  fromId: string,
  match: { entityRef: string; score: number; kind?: string },
): void {
  const key = pairKey(fromId, idOf(match.entityRef));
  if (match.score > (scores.get(key) ?? -1)) {
    scores.set(key, match.score);
    kinds.set(key, match.kind);
  }
}

/** What the index returns at threshold 0 (every candidate it finds), by `recordMatch`. */
export async function engineMethod(
  name: string,
  items: Item[],
  options: OverlapIndexOptions,
): Promise<Method> {
  const index = new OverlapIndex(options);
  for (const item of items) {
    index.upsert({
      entityRef: ref(item),
      kind: 'AiArtifact',
      title: item.title,
      description: item.description,
      purpose: '',
      type: item.type,
      owner: item.owner,
      tags: item.tags,
      integrations: item.integrations,
      dependencies: [],
    });
  }
  const scores: Scores = new Map();
  const kinds: Kinds = new Map();
  for (const item of items) {
    for (const match of await index.query(ref(item), {
      threshold: 0,
      limit: items.length,
    })) {
      recordMatch(scores, kinds, item.id, match);
    }
  }
  return { name, scores, kinds };
}
