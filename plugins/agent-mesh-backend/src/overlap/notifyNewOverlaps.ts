import { LoggerService } from '@backstage/backend-plugin-api';
import { entityPageUrl as entityLink } from '@agent-mesh/plugin-agent-mesh-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
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

/** What the owners of `mine` are told: their own entity, and only the other side's team. */
function notificationAbout(
  mine: OverlapEntry,
  other: OverlapEntry,
  match: OverlapMatch,
): NotificationPayload {
  const theirs = other.owner
    ? `an entity owned by ${other.owner}`
    : 'an entity of another team';
  const Theirs = theirs[0].toUpperCase() + theirs.slice(1);
  const seeIt = `Its name is left out because this notification reaches everyone in your team; the Overlaps card of ${mine.title} shows it to those who may see it.`;
  const keep =
    "keep both on purpose, acknowledge the overlap in the entity's YAML.";
  const common = {
    link: entityLink(mine.entityRef),
    topic: OVERLAP_NOTIFICATION_TOPIC,
  };
  return match.kind === 'alternative'
    ? {
        ...common,
        title: `Same job, other products: ${mine.title} and ${theirs}`,
        description: `${Theirs} does the same job as your ${mine.title} with other products (score ${match.score}). ${seeIt} Consider standardising on one; if you ${keep}`,
        severity: 'low',
      }
    : {
        ...common,
        title: `Possible duplicate work: ${mine.title} and ${theirs}`,
        description: `${Theirs} looks like the same work as your ${mine.title} (score ${match.score}). ${seeIt} If you ${keep}`,
        severity: 'normal',
      };
}

interface NewOverlap {
  a: OverlapEntry;
  b: OverlapEntry;
  match: OverlapMatch;
}

/**
 * After a reconcile: finds the cross-team overlaps of the written entries that are above the
 * threshold and not acknowledged, claims those pairs that were never notified, and sends one
 * notification to each owning team about its own entity: duplicate work as such (normal
 * severity), alternatives as the same job with other products (low severity).
 *
 * A notification to a team reaches every member, and Backstage cannot ask the permission policy
 * what another user may read (there are no credentials for a user who is not the caller). So it
 * names only the team's own entity and the other side's owning team, never the other entity, its
 * title or the reasons (which quote what it integrates and says); it links to the team's own
 * entity, whose Overlaps card asks `GET /overlaps` with each member's own credentials and shows
 * the other side to those who may see it. For the same reason there is no scope (the pair key
 * would name the other entity): each pair is notified once anyway.
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
    for (const [mine, other] of [
      [a, b],
      [b, a],
    ]) {
      if (!mine.owner) continue;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: mine.owner },
          payload: notificationAbout(mine, other, match),
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
