import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { OverlapMatch } from './engine';
import { isAcknowledged, OverlapEntry } from './entry';
import { NotifiedPairStore } from './NotifiedPairStore';
import { SyncedOverlapIndex } from './SyncedOverlapIndex';

/** The notification topic of new overlaps. */
export const OVERLAP_NOTIFICATION_TOPIC = 'agent-mesh-overlap';

/** The key of an unordered pair: both refs, sorted. */
export function pairKey(a: string, b: string): string {
  return [a, b].sort().join(' <> ');
}

/** The catalog page of an entity, relative to the portal. */
function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}

interface NewOverlap {
  a: OverlapEntry;
  b: OverlapEntry;
  match: OverlapMatch;
}

/**
 * After a reconcile: finds the cross-team overlaps of the written entries that are above the
 * threshold and not acknowledged, claims those pairs that were never notified, and sends one
 * notification to each owning team, naming the other artifact, its owner and why they match:
 * duplicate work as such (normal severity), alternatives as the same job with other products
 * (low severity).
 * Notifications with the same scope (the pair key) replace each other in the inbox.
 */
export async function notifyNewOverlaps(options: {
  changed: OverlapEntry[];
  synced: SyncedOverlapIndex;
  pairs: NotifiedPairStore;
  notifications: NotificationService;
  logger: LoggerService;
}): Promise<number> {
  const { changed, synced, pairs, notifications, logger } = options;
  const found = new Map<string, NewOverlap>();
  for (const changedEntry of changed) {
    const a = synced.entry(changedEntry.entityRef);
    if (!a) continue;
    for (const match of await synced.index.query(a.entityRef)) {
      const b = synced.entry(match.entityRef);
      if (!b || !match.crossTeam || isAcknowledged(a, b)) continue;
      const key = pairKey(a.entityRef, b.entityRef);
      if (!found.has(key)) found.set(key, { a, b, match });
    }
  }
  if (found.size === 0) return 0;

  const claimed = await pairs.claim([...found.keys()]);
  let sent = 0;
  for (const key of claimed) {
    const { a, b, match } = found.get(key)!;
    const why = match.reasons.join('; ');
    for (const [mine, other] of [
      [a, b],
      [b, a],
    ]) {
      if (!mine.owner) continue;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: mine.owner },
          payload:
            match.kind === 'alternative'
              ? {
                  title: `Same job, other products: ${mine.title} and ${other.title}`,
                  description: `${other.title} (${other.entityRef}), owned by ${other.owner}, does the same job as your ${mine.title} with other products (score ${match.score}): ${why}. Consider standardising on one; if you keep both on purpose, acknowledge the overlap in the entity's YAML.`,
                  link: entityLink(other.entityRef),
                  topic: OVERLAP_NOTIFICATION_TOPIC,
                  scope: key,
                  severity: 'low',
                }
              : {
                  title: `Possible duplicate work: ${mine.title} and ${other.title}`,
                  description: `${other.title} (${other.entityRef}), owned by ${other.owner}, looks like the same work as your ${mine.title} (score ${match.score}): ${why}. If you keep both on purpose, acknowledge the overlap in the entity's YAML.`,
                  link: entityLink(other.entityRef),
                  topic: OVERLAP_NOTIFICATION_TOPIC,
                  scope: key,
                  severity: 'normal',
                },
        });
        sent += 1;
      } catch (error) {
        logger.warn(
          `Could not notify ${mine.owner} about the overlap ${key}: ${error}`,
        );
      }
    }
  }
  return sent;
}
