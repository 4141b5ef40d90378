import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { visibleRefs } from '../catalog';
import {
  activityCheck,
  lastActionIn,
  withoutLastActionTime,
} from './checks/activityCheck';
import {
  entitiesNamedIn,
  overlapCheck,
  withoutEntities,
} from './checks/overlapCheck';
import { ActivityLookup, ScorecardCheckOutcome } from './types';

interface WithChecks {
  entityRef: string;
  checks: ScorecardCheckOutcome[];
}

/**
 * What one caller may see of scorecards. Scorecards are evaluated with the plugin's own
 * credentials, so that an entity has one score for everyone; what the caller may not read is
 * taken out when they are shown: the entities it may not read in the catalog, the other
 * entities that the overlap check names ("an entity you may not see", the score kept), and the
 * time of the last action when the caller may not read that action (the recent-activity
 * status stays). Statuses and scores are not changed.
 */
export class ScorecardVisibility {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      /** Without it no check names an action time. */
      activity?: Pick<ActivityLookup, 'visibleActivity'>;
    },
  ) {}

  /** The rows whose entity the caller may read in the catalog. */
  async readable<R extends { entityRef: string }>(
    rows: R[],
    credentials: BackstageCredentials,
  ): Promise<R[]> {
    const visible = await visibleRefs(
      this.deps,
      credentials,
      rows.map(r => r.entityRef),
    );
    return rows.filter(r => visible.has(r.entityRef));
  }

  /** The results whose entity the caller may read, their details rewritten for the caller. */
  async shown<R extends WithChecks>(
    results: R[],
    credentials: BackstageCredentials,
  ): Promise<R[]> {
    const named = new Set<string>();
    const times: { entityRef: string; at: string }[] = [];
    for (const result of results) {
      for (const check of result.checks) {
        if (check.id === overlapCheck.id) {
          for (const ref of entitiesNamedIn(check.detail)) named.add(ref);
        } else if (check.id === activityCheck.id) {
          const at = lastActionIn(check.detail);
          if (at) times.push({ entityRef: result.entityRef, at });
        }
      }
    }
    const refs = [...new Set([...results.map(r => r.entityRef), ...named])];
    const visible = await visibleRefs(this.deps, credentials, refs);
    const hidden = new Set([...named].filter(ref => !visible.has(ref)));
    const seen = this.deps.activity
      ? await this.deps.activity.visibleActivity(credentials, times)
      : times.map(() => false);
    const timeKey = (entityRef: string, at: string) => `${entityRef} ${at}`;
    const shownTimes = new Set(
      times.filter((_, i) => seen[i]).map(t => timeKey(t.entityRef, t.at)),
    );

    return results
      .filter(r => visible.has(r.entityRef))
      .map(result => ({
        ...result,
        checks: result.checks.map(check => {
          if (check.id === overlapCheck.id && hidden.size > 0) {
            return { ...check, detail: withoutEntities(check.detail, hidden) };
          }
          if (check.id === activityCheck.id) {
            const at = lastActionIn(check.detail);
            if (at && !shownTimes.has(timeKey(result.entityRef, at))) {
              return { ...check, detail: withoutLastActionTime(check.detail) };
            }
          }
          return check;
        }),
      }));
  }
}
