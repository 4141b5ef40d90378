import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ActionStore } from '../types';
import { ActionReadAuthorizer } from './authorizeActionRead';

/**
 * Which times of logged activity a caller may see, e.g. the time of an entity's last action in
 * its scorecard: for each (entity ref, time) pair, whether the caller may read an action of that
 * entity (agent, target or owning team, as in `ActionStore.lastActivity`) that occurred then.
 * ALLOW sees every time, DENY none, CONDITIONAL the times of the actions its conditions let
 * through.
 */
export function createActivityVisibility(deps: {
  store: ActionStore;
  readAuthorizer: ActionReadAuthorizer;
}) {
  return async function visibleActivity(
    credentials: BackstageCredentials,
    items: { entityRef: string; at: string }[],
  ): Promise<boolean[]> {
    if (items.length === 0) return [];
    let access;
    try {
      ({ access } = await deps.readAuthorizer(credentials));
    } catch (error) {
      if (error instanceof NotAllowedError) return items.map(() => false);
      throw error;
    }
    if (!access) return items.map(() => true);
    return deps.store.hasActivityAt(items, { access });
  };
}
