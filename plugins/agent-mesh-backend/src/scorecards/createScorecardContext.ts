import { EntitySource } from './entitySources';
import {
  ActivityLookup,
  OverlapInfo,
  OverlapLookup,
  ScorecardContext,
} from './types';

const ACTIVITY_BATCH = 1000;

/** A scorecard context that can also fetch activity for many entities at once. */
export interface PrefetchingScorecardContext extends ScorecardContext {
  /** Fetches the activity of these refs in batches, so that checks need not ask one by one. */
  prefetchActivity(entityRefs: string[]): Promise<void>;
}

/** Builds the context that checks run with, from an entity source and the two lookups. */
export function createScorecardContext(options: {
  source: EntitySource;
  now: Date;
  activityWindowDays: number;
  overlaps?: OverlapLookup;
  activity?: ActivityLookup;
}): PrefetchingScorecardContext {
  const { source, overlaps, activity } = options;
  const known = new Map<string, string | undefined>();

  async function fetchActivity(refs: string[]) {
    const fresh = refs.filter(r => !known.has(r));
    for (let i = 0; i < fresh.length; i += ACTIVITY_BATCH) {
      const batch = fresh.slice(i, i + ACTIVITY_BATCH);
      const found = await activity!.lastActivity(batch);
      for (const ref of batch) known.set(ref, found.get(ref));
    }
  }

  return {
    now: options.now,
    activityWindowDays: options.activityWindowDays,
    getEntity: ref => source.getEntity(ref),
    hasMembers: ref => source.hasMembers(ref),
    overlapsOf: overlaps
      ? (ref: string): Promise<OverlapInfo[]> => overlaps.overlapsOf(ref)
      : undefined,
    lastActivity: activity
      ? async (ref: string) => {
          if (!known.has(ref)) await fetchActivity([ref]);
          return known.get(ref);
        }
      : undefined,
    async prefetchActivity(refs) {
      if (activity) await fetchActivity(refs);
    },
  };
}
