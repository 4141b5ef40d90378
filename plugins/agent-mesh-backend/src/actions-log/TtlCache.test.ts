import { TtlCache } from './TtlCache';

describe('TtlCache', () => {
  it('expires entries and drops the oldest when full', () => {
    let now = 0;
    const cache = new TtlCache<number>({
      ttlMs: 100,
      maxEntries: 2,
      now: () => now,
    });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    now = 100;
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
  });
});
