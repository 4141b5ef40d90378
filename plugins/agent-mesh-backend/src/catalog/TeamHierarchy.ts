import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { childrenByGroup, descendantsOf, loadGroups } from './teams';

function invert(children: Map<string, Set<string>>) {
  const parents = new Map<string, Set<string>>();
  for (const [parent, set] of children) {
    for (const child of set) {
      parents.set(child, (parents.get(child) ?? new Set()).add(parent));
    }
  }
  return parents;
}

/**
 * The catalog's group hierarchy, read with the plugin's own credentials and kept for a short
 * time, so that filters by team with sub-teams do not load every Group on each request. The
 * answer holds group refs only, which every signed-in caller may use as a filter.
 */
export class TeamHierarchy {
  private snapshot?: {
    children: Promise<Map<string, Set<string>>>;
    expiresAt: number;
  };

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  /** The team and every group below it (full, lower-case refs, the team first). */
  async teamWithSubTeams(teamRef: string): Promise<string[]> {
    return descendantsOf(await this.children(), teamRef);
  }

  /** The team and every group above it (full, lower-case refs, the team first). */
  async teamWithParents(teamRef: string): Promise<string[]> {
    return descendantsOf(invert(await this.children()), teamRef);
  }

  /** The union of `teamWithSubTeams` for several teams, without repeats. */
  async teamsWithSubTeams(teamRefs: string[]): Promise<string[]> {
    const children = await this.children();
    return [...new Set(teamRefs.flatMap(ref => descendantsOf(children, ref)))];
  }

  private children(): Promise<Map<string, Set<string>>> {
    const now = (this.options.now ?? Date.now)();
    if (this.snapshot && this.snapshot.expiresAt > now) {
      return this.snapshot.children;
    }
    const children = this.load();
    const snapshot = {
      children,
      expiresAt: now + (this.options.ttlMs ?? 30_000),
    };
    this.snapshot = snapshot;
    children.catch(() => {
      if (this.snapshot === snapshot) this.snapshot = undefined;
    });
    return children;
  }

  private async load() {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    return childrenByGroup(await loadGroups(this.deps.catalog, credentials));
  }
}
