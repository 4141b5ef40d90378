import { LoggerService } from '@backstage/backend-plugin-api';
import { OverlapIndex } from './engine';
import { OverlapEntry } from './entry';
import { OverlapSubjectStore } from './OverlapSubjectStore';

/**
 * The in-memory OverlapIndex of one replica, kept in step with the shared store.
 *
 * How replicas stay consistent: every write to the store bumps a one-row change counter in the
 * same transaction, and rows carry the counter value they were written with (removals leave
 * tombstones). `refresh()` reads the counter (one primary-key read) and, when it moved, applies
 * only the rows written since, so an update costs what changed, not a reload. It runs before
 * every query (concurrent calls share one read) and every few seconds in the background
 * (`startPolling`), so that a replica that did not run the reconcile sees its result at the next
 * query, and big changes are applied off the request path. A replica that fell behind the
 * pruning of tombstones reloads everything.
 */
export class SyncedOverlapIndex {
  #index: OverlapIndex;
  #seq = -1;
  #ready = false;
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      store: OverlapSubjectStore;
      createIndex: () => OverlapIndex;
      logger: LoggerService;
    },
  ) {
    this.#index = options.createIndex();
  }

  /** The current index; replaced as a whole on a reload. */
  get index(): OverlapIndex {
    return this.#index;
  }

  /**
   * Whether the index holds the catalog: some replica completed a reconcile with it, and this
   * replica has applied what it wrote. Before that, "nothing similar" may only mean "not yet".
   */
  get ready(): boolean {
    return this.#ready;
  }

  /** The store's change counter that the index reflects. */
  get seq(): number {
    return this.#seq;
  }

  entry(entityRef: string): OverlapEntry | undefined {
    return this.#index.get(entityRef) as OverlapEntry | undefined;
  }

  /**
   * Builds a new index from the store, a page of entries at a time, and then replaces the
   * current one (which answers queries meanwhile).
   */
  async load(): Promise<void> {
    const index = this.options.createIndex();
    // Read before the entries: a reconcile marks its completion after writing them.
    const reconciled = (await this.options.store.reconciledAt()) !== undefined;
    const seq = await this.options.store.forEachEntry(entry =>
      index.upsert(entry),
    );
    this.#index = index;
    this.#seq = seq;
    this.#ready ||= reconciled;
  }

  /** Applies what changed in the store since the last call; concurrent calls share one. */
  refresh(): Promise<void> {
    if (!this.#inFlight) {
      this.#inFlight = this.#refresh().finally(() => {
        this.#inFlight = undefined;
      });
    }
    return this.#inFlight;
  }

  /** Puts entries that this replica just wrote into the index without waiting for a refresh. */
  apply(upserts: OverlapEntry[], removed: string[] = []): void {
    for (const ref of removed) this.#index.remove(ref);
    for (const entry of upserts) this.#index.upsert(entry);
  }

  startPolling(intervalMs: number): void {
    this.stopPolling();
    this.#timer = setInterval(() => {
      this.refresh().catch(error =>
        this.options.logger.warn(
          `Could not refresh the overlap index from the database: ${error}`,
        ),
      );
    }, intervalMs);
    this.#timer.unref?.();
  }

  stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #refresh(): Promise<void> {
    if (this.#seq < 0) {
      await this.load();
      return;
    }
    const changes = await this.options.store.changesSince(this.#seq);
    if (changes.kind === 'reload') {
      await this.load();
      return;
    }
    this.apply(changes.upserts, changes.removed);
    this.#seq = changes.seq;
    this.#ready ||= changes.reconciledAt !== undefined;
  }
}
