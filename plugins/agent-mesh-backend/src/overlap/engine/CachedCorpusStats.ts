import { CorpusField, CorpusStats } from './corpus';
import { OverlapDocument } from './document';

/**
 * CorpusStats that remembers each idf until the corpus changes. Scoring a pair asks for the idf
 * of every term of both documents, and a query scores dozens of pairs against one corpus, so
 * most lookups repeat; the values are the ones CorpusStats computes.
 */
export class CachedCorpusStats extends CorpusStats {
  #cache = new Map<CorpusField, Map<string, number>>();

  add(doc: OverlapDocument): void {
    super.add(doc);
    if (this.#cache.size) this.#cache = new Map();
  }

  remove(doc: OverlapDocument): void {
    super.remove(doc);
    if (this.#cache.size) this.#cache = new Map();
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
      byKey.set(key, value);
    }
    return value;
  }
}
