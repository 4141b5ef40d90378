import { CorpusField, CorpusStats } from './corpus';
import { OverlapDocument } from './document';

/**
 * CorpusStats that remembers each idf until the corpus changes. Scoring a pair asks for the idf
 * of every term of both documents, and a query scores dozens of pairs against one corpus, so
 * most lookups repeat; the values are the ones CorpusStats computes.
 */
export class CachedCorpusStats extends CorpusStats {
  #cache = new Map<CorpusField, Map<string, number>>();
  #cached = 0;

  /**
   * Queries of work not in the catalog (`POST /similar`) bring terms that no document has: the
   * cache starts again when it holds this many values rather than grow with every such term.
   */
  static readonly MAX_CACHED = 100_000;

  /** How many idf values are remembered. */
  get cachedCount(): number {
    return this.#cached;
  }

  add(doc: OverlapDocument): void {
    super.add(doc);
    this.#clear();
  }

  remove(doc: OverlapDocument): void {
    super.remove(doc);
    this.#clear();
  }

  idf(field: CorpusField, key: string): number {
    let byKey = this.#cache.get(field);
    if (!byKey) {
      byKey = new Map();
      this.#cache.set(field, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = super.idf(field, key);
      if (this.#cached >= CachedCorpusStats.MAX_CACHED) {
        this.#clear();
        byKey = new Map();
        this.#cache.set(field, byKey);
      }
      byKey.set(key, value);
      this.#cached += 1;
    }
    return value;
  }

  #clear() {
    if (this.#cached) {
      this.#cache = new Map();
      this.#cached = 0;
    }
  }
}
