import { FirstSeen } from './FirstSeenStore';

/** The action type that says an agent created the target. */
export const CREATED_ACTION_TYPE = 'artifact.created';

/**
 * When an entity first appeared. The catalog keeps no creation time, so the evidence is:
 * when the plugin first saw it (not for the baseline, the entities that were there when the
 * plugin first looked, nor for an entity not recorded yet) and the log's first action that
 * targets it. For entities without a usable first-seen time, only an `artifact.created`
 * action counts: any other action says the entity exists, not that it is new. Undefined when
 * nothing says when it appeared.
 */
export function firstAppearance(
  seen: FirstSeen | undefined,
  firstAction: string | undefined,
  firstCreated: string | undefined,
): string | undefined {
  if (seen && !seen.baseline) {
    return firstAction && firstAction < seen.firstSeenAt
      ? firstAction
      : seen.firstSeenAt;
  }
  return firstCreated;
}
