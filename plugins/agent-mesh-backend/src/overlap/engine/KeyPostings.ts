import { CorpusField } from './corpus';

/** Key ids are kept in Float32Arrays, exact up to 2^24: at most that many keys at once. */
const MAX_KEYS = 2 ** 24;

/** Slots (documents) that have one key, with a weight each, in growable typed arrays. */
interface Posting {
  slots: Int32Array;
  weights: Float32Array;
  length: number;
}

function emptyPosting(): Posting {
  return { slots: new Int32Array(2), weights: new Float32Array(2), length: 0 };
}

/**
 * The inverted index: every key of a document (`term:invoic`, `integration:salesforce`, ...)
 * gets a small integer id once, and the documents that have it are kept in typed arrays. This
 * is what makes 100,000 documents fit: no per-document maps and no repeated key strings.
 */
export class KeyPostings {
  readonly #ids = new Map<string, number>();
  readonly #fields: CorpusField[] = [];
  readonly #keys: string[] = [];
  readonly #postings: Posting[] = [];
  /** Ids of released keys, for reuse. */
  readonly #freeIds: number[] = [];

  /** How many keys have an id now. */
  get size(): number {
    return this.#ids.size;
  }

  /** The id of a key, made on first use. */
  idOf(field: CorpusField, key: string): number {
    const composite = `${field}:${key}`;
    let id = this.#ids.get(composite);
    if (id === undefined) {
      id = this.#freeIds.pop();
      if (id === undefined) {
        id = this.#keys.length;
        if (id >= MAX_KEYS) {
          throw new Error(
            `The overlap index holds ${MAX_KEYS} distinct keys (words, systems, tags), its limit`,
          );
        }
        this.#fields.push(field);
        this.#keys.push(key);
        this.#postings.push(emptyPosting());
      } else {
        this.#fields[id] = field;
        this.#keys[id] = key;
      }
      this.#ids.set(composite, id);
    }
    return id;
  }

  /**
   * Frees the id of a key that no document has any more, for reuse by another key. Without
   * this, a catalog whose words change over time would use up the ids and keep every word ever
   * indexed.
   */
  release(id: number): void {
    if (this.#postings[id].length > 0) {
      throw new Error(`Key ${id} still has documents and cannot be released`);
    }
    if (this.#ids.delete(`${this.#fields[id]}:${this.#keys[id]}`)) {
      this.#keys[id] = '';
      this.#postings[id] = emptyPosting();
      this.#freeIds.push(id);
    }
  }

  /** The id of a key that some document has or had, or undefined. */
  find(field: CorpusField, key: string): number | undefined {
    return this.#ids.get(`${field}:${key}`);
  }

  field(id: number): CorpusField {
    return this.#fields[id];
  }

  key(id: number): string {
    return this.#keys[id];
  }

  /** How many documents have the key. */
  count(id: number): number {
    return this.#postings[id].length;
  }

  add(id: number, slot: number, weight: number): void {
    const posting = this.#postings[id];
    if (posting.length === posting.slots.length) {
      const slots = new Int32Array(posting.length * 2);
      slots.set(posting.slots);
      const weights = new Float32Array(posting.length * 2);
      weights.set(posting.weights);
      posting.slots = slots;
      posting.weights = weights;
    }
    posting.slots[posting.length] = slot;
    posting.weights[posting.length] = weight;
    posting.length++;
  }

  /** Removes a slot from a key's documents (order is not kept). */
  delete(id: number, slot: number): void {
    const posting = this.#postings[id];
    const { slots, weights } = posting;
    const last = posting.length - 1;
    for (let i = last; i >= 0; i--) {
      if (slots[i] !== slot) continue;
      slots[i] = slots[last];
      weights[i] = weights[last];
      posting.length = last;
      if (last > 0 && last * 4 < slots.length && slots.length > 8) {
        posting.slots = slots.slice(0, slots.length / 2);
        posting.weights = weights.slice(0, weights.length / 2);
      }
      return;
    }
  }

  /** Calls `fn` for every document of a key. */
  forEach(id: number, fn: (slot: number, weight: number) => void): void {
    const { slots, weights, length } = this.#postings[id];
    for (let i = 0; i < length; i++) fn(slots[i], weights[i]);
  }

  /** The raw arrays of a key, for tight loops; valid until the next write. */
  posting(id: number): Readonly<Posting> {
    return this.#postings[id];
  }
}
