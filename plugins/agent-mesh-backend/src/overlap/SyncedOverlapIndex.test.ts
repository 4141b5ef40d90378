import { mockServices } from '@backstage/backend-test-utils';
import { OverlapIndex } from './engine';
import { OverlapEntry } from './entry';
import { OverlapChanges, OverlapSubjectStore } from './OverlapSubjectStore';
import { SyncedOverlapIndex } from './SyncedOverlapIndex';

const entry = (name: string): OverlapEntry => ({
  entityRef: `aiartifact:default/${name}`,
  kind: 'AiArtifact',
  title: name,
  description: `${name} weekly sales roll-up`,
  purpose: '',
  tags: [],
  integrations: [],
  dependencies: [],
  acknowledged: [],
});

function fakeStore(
  changes: OverlapChanges[],
  loaded: OverlapEntry[][] = [[entry('a')]],
  seqs: number[] = [1],
) {
  const store = {
    forEachEntry: jest.fn(async (visit: (e: OverlapEntry) => void) => {
      for (const e of loaded.shift()!) visit(e);
      return seqs.shift()!;
    }),
    changesSince: jest.fn(async () => changes.shift()!),
    reconciledAt: jest.fn(async () => undefined),
  };
  return store as unknown as OverlapSubjectStore & typeof store;
}

const create = (store: OverlapSubjectStore) =>
  new SyncedOverlapIndex({
    store,
    createIndex: () => new OverlapIndex(),
    logger: mockServices.logger.mock(),
  });

describe('SyncedOverlapIndex', () => {
  it('loads, then applies only what changed, and shares concurrent refreshes', async () => {
    const store = fakeStore([
      {
        kind: 'changes',
        seq: 3,
        upserts: [entry('b')],
        removed: ['aiartifact:default/a'],
      },
    ]);
    const synced = create(store);
    await synced.load();
    expect(synced.index.has('aiartifact:default/a')).toBe(true);

    await Promise.all([synced.refresh(), synced.refresh()]);
    expect(store.changesSince).toHaveBeenCalledTimes(1);
    expect(store.changesSince).toHaveBeenCalledWith(1);
    expect(synced.seq).toBe(3);
    expect(synced.index.has('aiartifact:default/a')).toBe(false);
    expect(synced.entry('aiartifact:default/b')?.title).toBe('b');
  });

  it('is ready once the store says that a reconcile completed', async () => {
    const store = fakeStore([
      { kind: 'changes', seq: 1, upserts: [], removed: [] },
      {
        kind: 'changes',
        seq: 2,
        upserts: [entry('b')],
        removed: [],
        reconciledAt: 1_000,
      },
      { kind: 'changes', seq: 2, upserts: [], removed: [] },
    ]);
    const synced = create(store);
    await synced.load();
    expect(synced.ready).toBe(false);
    await synced.refresh();
    expect(synced.ready).toBe(false);
    await synced.refresh();
    expect(synced.ready).toBe(true);
    expect(synced.entry('aiartifact:default/b')).toBeDefined();
    // Once built, it stays so.
    await synced.refresh();
    expect(synced.ready).toBe(true);
  });

  it('rebuilds the whole index when the store says reload', async () => {
    const store = fakeStore(
      [{ kind: 'reload' }],
      [[entry('a')], [entry('c')]],
      [1, 9],
    );
    const synced = create(store);
    await synced.load();
    await synced.refresh();
    expect(synced.seq).toBe(9);
    expect(synced.index.size).toBe(1);
    expect(synced.index.has('aiartifact:default/c')).toBe(true);
  });
});
