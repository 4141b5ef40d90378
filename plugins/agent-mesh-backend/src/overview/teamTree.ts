import { OverviewGroup } from './catalogEntities';

/**
 * The group hierarchy: each group's parent, from its spec.parent or from a parent that lists it
 * in spec.children (either side suffices). A group named as the child of several parents keeps
 * the first one found; cycles are cut.
 */
export class TeamTree {
  readonly groups: Map<string, OverviewGroup>;
  private readonly parents = new Map<string, string>();
  private readonly children = new Map<string, string[]>();

  constructor(groups: OverviewGroup[]) {
    this.groups = new Map(groups.map(g => [g.ref, g]));
    for (const group of groups) {
      if (group.parentRef && this.groups.has(group.parentRef)) {
        this.setParent(group.ref, group.parentRef);
      }
    }
    for (const group of groups) {
      for (const child of group.childRefs) {
        if (this.groups.has(child) && !this.parents.has(child)) {
          this.setParent(child, group.ref);
        }
      }
    }
  }

  private setParent(child: string, parent: string) {
    if (child === parent || this.ancestorsOf(parent).includes(child)) return;
    this.parents.set(child, parent);
    this.children.set(parent, [...(this.children.get(parent) ?? []), child]);
  }

  parentOf(ref: string): string | undefined {
    return this.parents.get(ref);
  }

  /** The group itself, then its parent, up to the root. */
  ancestorsOf(ref: string): string[] {
    const result: string[] = [];
    let current: string | undefined = ref;
    while (current && !result.includes(current)) {
      result.push(current);
      current = this.parents.get(current);
    }
    return result;
  }

  /** The group and every group below it, the group first. */
  subtreeOf(ref: string): string[] {
    const seen = new Set<string>();
    const queue = [ref];
    while (queue.length) {
      const current = queue.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      queue.push(...(this.children.get(current) ?? []));
    }
    return [...seen];
  }
}
