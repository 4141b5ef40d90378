import { Entity } from '@backstage/catalog-model';
import { teamTree } from './teams';

function group(name: string, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...spec },
  };
}

describe('teamTree', () => {
  it('follows spec.parent transitively, matching refs without regard to case', () => {
    const groups = [
      group('org'),
      group('sales', { parent: 'Org' }),
      group('emea', { parent: 'sales' }),
      group('emea-north', { parent: 'group:default/emea' }),
      group('ops'),
    ];
    expect(teamTree(groups, 'group:default/org')).toEqual([
      'group:default/org',
      'group:default/sales',
      'group:default/emea',
      'group:default/emea-north',
    ]);
    expect(teamTree(groups, 'group:default/ops')).toEqual([
      'group:default/ops',
    ]);
  });

  it("does not take a group's own claims about its children, nor relations", () => {
    // rogue says sales is its child, and the catalog would emit parentOf/childOf for it; sales
    // names org as its parent. Only the child's own word counts.
    const groups: Entity[] = [
      group('org'),
      {
        ...group('rogue', { children: ['sales', 'ops'] }),
        relations: [{ type: 'parentOf', targetRef: 'group:default/sales' }],
      },
      {
        ...group('sales', { parent: 'org' }),
        relations: [{ type: 'childOf', targetRef: 'group:default/rogue' }],
      },
      group('ops'),
    ];
    expect(teamTree(groups, 'group:default/rogue')).toEqual([
      'group:default/rogue',
    ]);
    expect(teamTree(groups, 'group:default/org')).toEqual([
      'group:default/org',
      'group:default/sales',
    ]);
  });

  it('ends on cycles', () => {
    const groups = [
      group('a', { parent: 'c' }),
      group('b', { parent: 'a' }),
      group('c', { parent: 'b' }),
    ];
    expect(teamTree(groups, 'group:default/b')).toEqual([
      'group:default/b',
      'group:default/c',
      'group:default/a',
    ]);
  });

  it('answers with the team alone when the catalog does not know it', () => {
    expect(teamTree([], 'group:default/Ghost')).toEqual([
      'group:default/ghost',
    ]);
  });
});
