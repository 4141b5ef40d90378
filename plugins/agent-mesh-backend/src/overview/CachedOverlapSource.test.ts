import { CachedOverlapSource } from './CachedOverlapSource';

const item = (entityRef: string) => ({
  entityRef,
  title: entityRef,
  score: 0.5,
  crossTeam: true,
  kind: 'duplicate' as const,
  acknowledged: false,
  reasons: [],
});

describe('CachedOverlapSource', () => {
  it('answers again from memory until the answer expires', async () => {
    let now = 0;
    const overlapsOf = jest.fn(async (ref: string) => [item(`${ref}-other`)]);
    const cached = new CachedOverlapSource(
      { overlapsOf },
      { ttlMs: 1000, now: () => now },
    );
    await cached.overlapsOf('a');
    await cached.overlapsOf('a');
    expect(overlapsOf).toHaveBeenCalledTimes(1);
    now = 1000;
    await expect(cached.overlapsOf('a')).resolves.toEqual([item('a-other')]);
    expect(overlapsOf).toHaveBeenCalledTimes(2);
  });

  it('does not keep failures and stays within its size', async () => {
    const overlapsOf = jest
      .fn()
      .mockRejectedValueOnce(new Error('index down'))
      .mockResolvedValue([]);
    const cached = new CachedOverlapSource(
      { overlapsOf },
      { maxEntries: 2, now: () => 0 },
    );
    await expect(cached.overlapsOf('a')).rejects.toThrow('index down');
    await expect(cached.overlapsOf('a')).resolves.toEqual([]);
    await cached.overlapsOf('b');
    await cached.overlapsOf('c');
    await cached.overlapsOf('a');
    expect(overlapsOf).toHaveBeenCalledTimes(5);
  });
});
