import {
  hasActionFilters,
  readActionFilters,
  withActionFilters,
} from './actionFilterParams';

describe('action filter parameters', () => {
  it('reads the filters and leaves out blank and unknown parameters', () => {
    const params = new URLSearchParams(
      'tab=actions&agent=agent%3Adefault%2Fx&owner=%20&onBehalfOf=user%3Adefault%2Fjane&type=deploy&foo=bar',
    );
    expect(readActionFilters(params)).toEqual({
      agent: 'agent:default/x',
      onBehalfOf: 'user:default/jane',
      type: 'deploy',
    });
    expect(hasActionFilters(params)).toBe(true);
    expect(hasActionFilters(new URLSearchParams('tab=actions'))).toBe(false);
  });

  it('replaces the filters and keeps the other parameters', () => {
    const params = new URLSearchParams('tab=actions&agent=a&type=deploy');
    expect(
      withActionFilters(params, {
        owner: 'group:default/t',
        type: ' ',
      }).toString(),
    ).toBe('tab=actions&owner=group%3Adefault%2Ft');
  });
});
