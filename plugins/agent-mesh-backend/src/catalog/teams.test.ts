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
  it('follows spec.children and spec.parent transitively', () => {
    const groups = [
      group('org', { children: ['sales'] }),
      group('sales'),
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

  it('follows parentOf and childOf relations, matching refs without regard to case', () => {
    const groups: Entity[] = [
      {
        ...group('Org'),
        relations: [{ type: 'parentOf', targetRef: 'group:default/brands' }],
      },
      {
        ...group('brand-a'),
        relations: [{ type: 'childOf', targetRef: 'group:default/brands' }],
      },
      group('brands'),
    ];
    expect(teamTree(groups, 'group:default/org')).toEqual([
      'group:default/org',
      'group:default/brands',
      'group:default/brand-a',
    ]);
  });

  it('ends on cycles', () => {
    const groups = [
      group('a', { children: ['b'] }),
      group('b', { children: ['c'] }),
      group('c', { children: ['a'] }),
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
