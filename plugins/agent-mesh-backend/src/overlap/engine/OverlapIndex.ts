import {
  OverlapSignal,
  OverlapSubject,
} from '@agent-mesh/plugin-agent-mesh-node';
import { OverlapDocument, toDocument } from './document';
import { CorpusField, CorpusStats, documentKeys } from './corpus';
import {
  combine,
  PairScore,
  structureEvidence,
  textNorm,
  textSimilarity,
} from './scoring';
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapConfig,
  OverlapWeights,
} from './config';

/** One match of a query. */
export interface OverlapMatch {
  entityRef: string;
  title: string;
  owner?: string;
  score: number;
  /** Both owners are known and differ. */
  crossTeam: boolean;
  reasons: string[];
}

export interface OverlapQueryOptions {
  /** At most this many matches; default `maxResults` of the config. */
  limit?: number;
  /** Only matches at or above this score; default `threshold` of the config. */
  threshold?: number;
}

/** The body of `POST /similar`: a subject that is not in the catalog yet. */
export interface SimilarInput {
  title?: string;
  description: string;
  purpose?: string;
  type?: string;
  tags?: string[];
  integrations?: string[];
  dependencies?: string[];
  owner?: string;
}

export interface OverlapIndexOptions {
  config?: Partial<Omit<OverlapConfig, 'weights'>> & {
    weights?: Partial<OverlapWeights>;
  };
  /** Extra signals, e.g. from `agentMeshOverlapSignalsExtensionPoint`. */
  signals?: OverlapSignal[];
}

/** How far each kind of shared key pushes a document up the candidate list. */
const CANDIDATE_FIELD_WEIGHT: Record<Exclude<CorpusField, 'term'>, string> = {
  integration: 'integrations',
  category: 'systemCategories',
  tag: 'tags',
  dependency: 'dependencies',
  type: 'type',
};

/** The `max` slots with the highest scores, best first, through a small min-heap. */
function topSlots(
  slots: number[],
  scores: Float64Array,
  max: number,
): number[] {
  if (slots.length <= max) {
    return slots.sort((a, b) => scores[b] - scores[a]);
  }
  const heap: number[] = [];
  const less = (i: number, j: number) => scores[heap[i]] < scores[heap[j]];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j], heap[i]];
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const slot of slots) {
    if (heap.length < max) {
      heap.push(slot);
      let i = heap.length - 1;
      while (i > 0 && less(i, (i - 1) >> 1)) {
        swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
    } else if (scores[slot] > scores[heap[0]]) {
      heap[0] = slot;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b] - scores[a]);
}

/**
 * An in-memory overlap index. Documents are added, updated and removed one at a time; a query
 * generates candidates from an inverted index of terms, integrations, kinds of systems, tags,
 * dependencies and types (skipping keys so common that they say little), ranks them by a cheap
 * partial score, and scores the best of them fully. `bruteForce` scores every document, for
 * comparison.
 */
export class OverlapIndex {
  readonly #docs = new Map<string, OverlapDocument>();
  /** Documents by slot number; posting lists hold slots, which are cheaper than refs. */
  readonly #slotOf = new Map<string, number>();
  readonly #slots: Array<OverlapDocument | undefined> = [];
  readonly #freeSlots: number[] = [];
  /** Norm of each slot's text vector when it was indexed (for candidate ranking only). */
  readonly #norms: number[] = [];
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #stats = new CorpusStats();
  readonly #config: OverlapConfig;
  readonly #signals: OverlapSignal[];

  constructor(options: OverlapIndexOptions = {}) {
    this.#config = {
      ...DEFAULT_OVERLAP_CONFIG,
      ...options.config,
      weights: {
        ...DEFAULT_OVERLAP_CONFIG.weights,
        ...options.config?.weights,
      } as OverlapWeights,
    };
    this.#signals = options.signals ?? [];
  }

  get size(): number {
    return this.#docs.size;
  }

  get config(): OverlapConfig {
    return this.#config;
  }

  has(entityRef: string): boolean {
    return this.#docs.has(entityRef);
  }

  get(entityRef: string): OverlapSubject | undefined {
    return this.#docs.get(entityRef)?.subject;
  }

  /** Adds a subject, or replaces the one with the same entityRef. */
  upsert(subject: OverlapSubject): void {
    if (!subject.entityRef)
      throw new Error('An indexed subject needs an entityRef');
    this.remove(subject.entityRef);
    const doc = toDocument(subject);
    const slot = this.#freeSlots.pop() ?? this.#slots.length;
    this.#docs.set(subject.entityRef, doc);
    this.#slotOf.set(subject.entityRef, slot);
    this.#slots[slot] = doc;
    this.#stats.add(doc);
    for (const [field, key] of documentKeys(doc)) {
      const k = `${field}:${key}`;
      let posting = this.#postings.get(k);
      if (!posting) {
        posting = new Map();
        this.#postings.set(k, posting);
      }
      posting.set(slot, field === 'term' ? doc.terms.get(key)! : 1);
    }
    this.#norms[slot] = textNorm(doc, this.#stats);
  }

  /** Removes a subject; true if it was there. */
  remove(entityRef: string): boolean {
    const doc = this.#docs.get(entityRef);
    const slot = this.#slotOf.get(entityRef);
    if (!doc || slot === undefined) return false;
    for (const [field, key] of documentKeys(doc)) {
      const k = `${field}:${key}`;
      const posting = this.#postings.get(k);
      posting?.delete(slot);
      if (posting && posting.size === 0) this.#postings.delete(k);
    }
    this.#stats.remove(doc);
    this.#docs.delete(entityRef);
    this.#slotOf.delete(entityRef);
    this.#slots[slot] = undefined;
    this.#norms[slot] = 0;
    this.#freeSlots.push(slot);
    return true;
  }

  /** Scores one pair with every signal, the extra ones included. */
  async scorePair(a: OverlapSubject, b: OverlapSubject): Promise<PairScore> {
    return this.#score(this.#doc(a), this.#doc(b));
  }

  /** The indexed subjects that overlap the given one (itself excluded), best first. */
  async query(
    subject: OverlapSubject | string,
    options: OverlapQueryOptions = {},
  ): Promise<OverlapMatch[]> {
    const doc = this.#resolve(subject);
    const limit = options.limit ?? this.#config.maxResults;
    const candidates = this.#candidates(doc, Math.max(50, limit * 5));
    return this.#rank(doc, candidates, options);
  }

  /** Like `query`, but scores every indexed subject. */
  async bruteForce(
    subject: OverlapSubject | string,
    options: OverlapQueryOptions = {},
  ): Promise<OverlapMatch[]> {
    const doc = this.#resolve(subject);
    return this.#rank(doc, [...this.#docs.keys()], options);
  }

  /** Matches for work that is not in the catalog yet (`POST /similar`). */
  async similarTo(
    input: SimilarInput,
    options: OverlapQueryOptions = {},
  ): Promise<OverlapMatch[]> {
    return this.query(
      {
        entityRef: '',
        kind: 'AiArtifact',
        title: input.title ?? '',
        description: input.description,
        purpose: input.purpose ?? '',
        type: input.type,
        owner: input.owner,
        tags: input.tags ?? [],
        integrations: input.integrations ?? [],
        dependencies: input.dependencies ?? [],
      },
      options,
    );
  }

  #doc(subject: OverlapSubject): OverlapDocument {
    const indexed = subject.entityRef
      ? this.#docs.get(subject.entityRef)
      : undefined;
    return indexed && indexed.subject === subject
      ? indexed
      : toDocument(subject);
  }

  #resolve(subject: OverlapSubject | string): OverlapDocument {
    if (typeof subject !== 'string') return this.#doc(subject);
    const doc = this.#docs.get(subject);
    if (!doc) throw new Error(`${subject} is not in the overlap index`);
    return doc;
  }

  /**
   * Term-at-a-time accumulation of a partial score over the posting lists of the query's keys.
   * Keys that more than a fifth of a large corpus shares are skipped: they cannot lift a pair
   * over the threshold on their own and would turn the query into a scan.
   */
  #candidates(doc: OverlapDocument, max: number): string[] {
    const n = this.#stats.size;
    const maxPosting = Math.max(500, Math.floor(n * 0.2));
    const weights = this.#config.weights;
    const queryNorm = textNorm(doc, this.#stats) || 1;
    const scores = new Float64Array(this.#slots.length);
    const touched: number[] = [];
    const add = (slot: number, value: number) => {
      if (scores[slot] === 0) touched.push(slot);
      scores[slot] += value;
    };
    const structureTotals = new Map<CorpusField, number>();
    const keys = documentKeys(doc);
    for (const [field, key] of keys) {
      if (field !== 'term') {
        structureTotals.set(
          field,
          (structureTotals.get(field) ?? 0) + this.#stats.idf(field, key),
        );
      }
    }
    for (const [field, key] of keys) {
      const posting = this.#postings.get(`${field}:${key}`);
      if (!posting || posting.size > maxPosting) continue;
      const idf = this.#stats.idf(field, key);
      if (field === 'term') {
        const q = (doc.terms.get(key)! * idf * idf) / queryNorm;
        for (const [slot, tf] of posting) {
          add(slot, (q * tf) / (this.#norms[slot] || 1));
        }
      } else {
        const weight = weights[CANDIDATE_FIELD_WEIGHT[field]] ?? 0;
        const value = (weight * idf) / (structureTotals.get(field) || 1);
        for (const slot of posting.keys()) add(slot, value);
      }
    }
    const ownSlot = this.#slotOf.get(doc.subject.entityRef);
    const best = topSlots(
      touched.filter(slot => slot !== ownSlot),
      scores,
      max,
    );
    return best.map(slot => this.#slots[slot]!.subject.entityRef);
  }

  async #score(a: OverlapDocument, b: OverlapDocument): Promise<PairScore> {
    const evidence = [
      textSimilarity(a, b, this.#stats),
      ...structureEvidence(a, b, this.#stats),
    ];
    for (const signal of this.#signals) {
      const result = await signal.score(a.subject, b.subject);
      evidence.push({
        signal: signal.id,
        score: result.score,
        reasons: result.reasons,
      });
    }
    const weights = { ...this.#config.weights };
    for (const signal of this.#signals) {
      if (!(signal.id in weights)) weights[signal.id] = signal.weight;
    }
    return combine(evidence, weights);
  }

  async #rank(
    doc: OverlapDocument,
    refs: string[],
    options: OverlapQueryOptions,
  ): Promise<OverlapMatch[]> {
    const threshold = options.threshold ?? this.#config.threshold;
    const limit = options.limit ?? this.#config.maxResults;
    const ownRef = doc.subject.entityRef;
    const matches: OverlapMatch[] = [];
    for (const ref of refs) {
      if (ref === ownRef) continue;
      const other = this.#docs.get(ref)!;
      const { score, reasons } = await this.#score(doc, other);
      if (score < threshold || score === 0) continue;
      const owner = other.subject.owner;
      matches.push({
        entityRef: ref,
        title: other.subject.title,
        owner,
        score: Math.round(score * 1000) / 1000,
        crossTeam: Boolean(
          owner && doc.subject.owner && owner !== doc.subject.owner,
        ),
        reasons,
      });
    }
    matches.sort(
      (x, y) =>
        Number(y.crossTeam) - Number(x.crossTeam) ||
        y.score - x.score ||
        x.entityRef.localeCompare(y.entityRef),
    );
    return matches.slice(0, limit);
  }
}
