import { OverlapDocument } from './document';

/** The fields whose values are counted for rarity (inverse document frequency). */
export type CorpusField =
  | 'term'
  | 'integration'
  | 'category'
  | 'tag'
  | 'dependency'
  | 'type';

/** Keys of one document per field, each counted once. */
export function documentKeys(
  doc: OverlapDocument,
): Array<[CorpusField, string]> {
  const keys: Array<[CorpusField, string]> = [];
  for (const term of doc.terms.keys()) keys.push(['term', term]);
  for (const v of doc.integrations) keys.push(['integration', v]);
  for (const v of doc.categories) keys.push(['category', v]);
  for (const v of doc.tags) keys.push(['tag', v]);
  for (const v of doc.dependencies) keys.push(['dependency', v]);
  if (doc.type) keys.push(['type', doc.type]);
  return keys;
}

/**
 * Document frequencies of the indexed corpus, updated as documents come and go, and the
 * smoothed inverse document frequency that every signal uses to weigh rare evidence more.
 */
export class CorpusStats {
  #size = 0;
  readonly #df = new Map<string, number>();

  get size(): number {
    return this.#size;
  }

  add(doc: OverlapDocument): void {
    this.#size++;
    for (const [field, key] of documentKeys(doc)) {
      const k = `${field}:${key}`;
      this.#df.set(k, (this.#df.get(k) ?? 0) + 1);
    }
  }

  remove(doc: OverlapDocument): void {
    this.#size--;
    for (const [field, key] of documentKeys(doc)) {
      const k = `${field}:${key}`;
      const n = (this.#df.get(k) ?? 0) - 1;
      if (n > 0) this.#df.set(k, n);
      else this.#df.delete(k);
    }
  }

  df(field: CorpusField, key: string): number {
    return this.#df.get(`${field}:${key}`) ?? 0;
  }

  /**
   * How much sharing a key says, in 0..1: ln(N / df) / ln(N / 2), so 1 for a key that only
   * the two documents of a pair have and 0 for a key that every document has. Sharing a system
   * that two entities use is strong evidence; sharing one that half the catalog uses is weak.
   */
  specificity(field: CorpusField, key: string): number {
    const n = this.#size;
    if (n <= 2) return 1;
    const df = Math.min(n, Math.max(2, this.df(field, key)));
    return Math.log(n / df) / Math.log(n / 2);
  }

  /** ln(1 + (N + 1) / (df + 1)): positive, highest for what few documents have. */
  idf(field: CorpusField, key: string): number {
    return this.idfOfCount(this.df(field, key));
  }

  /** The idf of a key that this many documents have. */
  idfOfCount(df: number): number {
    return Math.log(1 + (this.#size + 1) / (df + 1));
  }
}
