import { Entity } from '@backstage/catalog-model';

/**
 * One copy of every catalog entity, loaded on first use and shared by the callers of the next
 * `ttlMs`; callers that arrive while it loads wait for the same load. Keeps repeated dry runs from
 * each holding a copy of the catalog.
 */
export class SharedEntitySnapshot {
  #current?: { entities: Promise<Entity[]>; loadedAt: number };

  constructor(
    private readonly load: () => Promise<Entity[]>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<Entity[]> {
    const current = this.#current;
    if (current && this.now() - current.loadedAt < this.ttlMs) {
      return current.entities;
    }
    const entities = this.load();
    const next = { entities, loadedAt: this.now() };
    this.#current = next;
    // A failed load is not kept.
    entities.catch(() => {
      if (this.#current === next) this.#current = undefined;
    });
    return entities;
  }
}
