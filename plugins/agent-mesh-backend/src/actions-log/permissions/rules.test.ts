import { isActionOwnedBy } from './rules';

function resource(ownerRef: string | null, parents: string[] = []) {
  return {
    action: { id: 'a', ownerRef, agentRef: null, type: 'deploy' },
    ownerAndParents: ownerRef ? [ownerRef, ...parents] : [],
  };
}

describe('isActionOwnedBy', () => {
  it('matches the owning team in memory, without regard to case and with group as default kind', () => {
    const owners = ['Group:default/Brand-B', 'user:default/amy'];
    expect(
      isActionOwnedBy.apply(resource('group:default/brand-b'), { owners }),
    ).toBe(true);
    expect(
      isActionOwnedBy.apply(resource('group:default/brand-a'), { owners }),
    ).toBe(false);
    expect(
      isActionOwnedBy.apply(resource('group:default/ops'), {
        owners: ['ops'],
      }),
    ).toBe(true);
    expect(isActionOwnedBy.apply(resource(null), { owners })).toBe(false);
  });

  it('matches a team below one of the owners only with includeSubTeams', () => {
    const emea = resource('group:default/brand-b-emea', [
      'group:default/brand-b',
      'group:default/brands',
    ]);
    const owners = ['group:default/brand-b'];
    expect(isActionOwnedBy.apply(emea, { owners })).toBe(false);
    expect(isActionOwnedBy.apply(emea, { owners, includeSubTeams: true })).toBe(
      true,
    );
  });

  it('becomes a query filter on the owning team', () => {
    expect(
      isActionOwnedBy.toQuery({
        owners: ['Brand-B', 'not a ref:/'],
        includeSubTeams: true,
      }),
    ).toEqual({
      property: 'ownerRef',
      values: ['group:default/brand-b'],
      includeSubTeams: true,
    });
  });

  it('publishes a JSON schema of its parameters for policy tooling', () => {
    expect(isActionOwnedBy.paramsSchema).toBeDefined();
  });
});
