import { toEntityRef } from './refs';

describe('toEntityRef', () => {
  it('normalises refs', () => {
    expect(toEntityRef('Component:Shop')).toBe('component:default/shop');
    expect(toEntityRef('agent:team/x')).toBe('agent:team/x');
    expect(toEntityRef('coder', 'agent')).toBe('agent:default/coder');
  });

  it('gives each default kind and namespace its own answer when asked again', () => {
    for (let round = 0; round < 2; round++) {
      expect(toEntityRef('coder', 'agent')).toBe('agent:default/coder');
      expect(toEntityRef('coder', 'user')).toBe('user:default/coder');
      expect(toEntityRef('coder', 'user', 'ops')).toBe('user:ops/coder');
      expect(toEntityRef('coder')).toBeUndefined();
    }
  });

  it('answers correctly past the number of refs it remembers', () => {
    for (let i = 0; i < 10_050; i++) {
      expect(toEntityRef(`svc-${i}`, 'component')).toBe(
        `component:default/svc-${i}`,
      );
    }
    expect(toEntityRef('svc-3', 'component')).toBe('component:default/svc-3');
  });

  it('refuses URLs, bare names without a default kind and malformed refs', () => {
    expect(toEntityRef('https://github.com/org/repo')).toBeUndefined();
    expect(toEntityRef('shop')).toBeUndefined();
    expect(toEntityRef('agent:')).toBeUndefined();
    expect(toEntityRef('a b', 'agent')).toBeUndefined();
  });
});
