import { toEntityRef } from './refs';

describe('toEntityRef', () => {
  it('normalises refs', () => {
    expect(toEntityRef('Component:Shop')).toBe('component:default/shop');
    expect(toEntityRef('agent:team/x')).toBe('agent:team/x');
    expect(toEntityRef('coder', 'agent')).toBe('agent:default/coder');
  });

  it('refuses URLs, bare names without a default kind and malformed refs', () => {
    expect(toEntityRef('https://github.com/org/repo')).toBeUndefined();
    expect(toEntityRef('shop')).toBeUndefined();
    expect(toEntityRef('agent:')).toBeUndefined();
    expect(toEntityRef('a b', 'agent')).toBeUndefined();
  });
});
