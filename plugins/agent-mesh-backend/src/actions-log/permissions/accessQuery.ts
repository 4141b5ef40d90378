import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { TeamHierarchy } from '../../catalog';
import { ActionAccessFilter } from './actionResource';

/** The criteria with every `includeSubTeams` filter widened to the teams below, from the catalog. */
export async function expandSubTeams(
  criteria: PermissionCriteria<ActionAccessFilter>,
  teams: TeamHierarchy,
): Promise<PermissionCriteria<ActionAccessFilter>> {
  if (isAndCriteria(criteria)) {
    return {
      allOf: await Promise.all(
        criteria.allOf.map(c => expandSubTeams(c, teams)),
      ),
    } as PermissionCriteria<ActionAccessFilter>;
  }
  if (isOrCriteria(criteria)) {
    return {
      anyOf: await Promise.all(
        criteria.anyOf.map(c => expandSubTeams(c, teams)),
      ),
    } as PermissionCriteria<ActionAccessFilter>;
  }
  if (isNotCriteria(criteria)) {
    return { not: await expandSubTeams(criteria.not, teams) };
  }
  if (!criteria.includeSubTeams) {
    return criteria;
  }
  return {
    ...criteria,
    values: await teams.teamsWithSubTeams(criteria.values),
    includeSubTeams: false,
  };
}

/**
 * Adds the criteria to a query of `agent_mesh_actions` as a WHERE clause, so that pages and
 * cursors hold only what the caller may read. Call `expandSubTeams` first.
 *
 * An action without owning team matches no owner filter, also under `not`, as in memory.
 */
export function whereActionAccess(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<ActionAccessFilter>,
): void {
  if (isAndCriteria(criteria)) {
    builder.where(all => {
      for (const c of criteria.allOf) {
        all.andWhere(w => whereActionAccess(w, c));
      }
    });
  } else if (isOrCriteria(criteria)) {
    if (criteria.anyOf.length === 0) {
      builder.whereRaw('1 = 0');
      return;
    }
    builder.where(any => {
      for (const c of criteria.anyOf) {
        any.orWhere(w => whereActionAccess(w, c));
      }
    });
  } else if (isNotCriteria(criteria)) {
    builder.whereNot(w => whereActionAccess(w, criteria.not));
  } else if (criteria.includeSubTeams) {
    throw new Error('Owner filters with sub-teams must be expanded first');
  } else {
    builder.whereNotNull('owner_ref').whereIn(
      'owner_ref',
      criteria.values.map(v => v.toLocaleLowerCase('en-US')),
    );
  }
}
