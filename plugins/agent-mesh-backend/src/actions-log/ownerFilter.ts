import { TeamHierarchy } from '../catalog';
import { ActionQuery } from './types';

/**
 * The query with its owner filter widened from the teams asked for to those teams and every
 * group below them in the catalog, so that `owner=group:default/x` also finds x's sub-teams.
 */
export async function withSubTeams<T extends Omit<ActionQuery, 'limit'>>(
  query: T,
  teams: TeamHierarchy,
): Promise<T> {
  if (!query.ownerRefs) {
    return query;
  }
  return {
    ...query,
    ownerRefs: await teams.teamsWithSubTeams(query.ownerRefs),
  };
}
