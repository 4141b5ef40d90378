import {
  OverlapSignal,
  OverlapSubject,
} from '@agent-mesh/plugin-agent-mesh-node';
import { OverlapDocument, toDocument } from './document';
import { CorpusField, CorpusStats, documentKeys } from './corpus';
import {
  combine,
  ownTermIdf,
  ownTermShare,
  sharedValueStrength,
  structureEvidence,
  textSimilarity,
} from './scoring';
import { CachedCorpusStats } from './CachedCorpusStats';
import { GradedPairScore, gradePair, OverlapKind } from './overlapKind';
import { KeyPostings } from './KeyPostings';
import { topSlots } from './topSlots';
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
  /** Duplicate work, or the same job done with other products (see `overlapKind`). */
  kind: OverlapKind;
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

/** The structure fields that the candidate ranking estimates a Dice coefficient for. */
const DICE_FIELDS = ['integration', 'category', 'tag', 'dependency'] as const;
type DiceField = (typeof DICE_FIELDS)[number];
/** Column of each field in the per-slot weight sums; column 0 is the text vector norm. */
const COLUMN: Partial<Record<CorpusField, number>> = {
  term: 0,
  integration: 1,
  category: 2,
  tag: 3,
  dependency: 4,
};
const COLUMNS = 5;
/** The fields whose shared values the scorer counts by `sharedValueStrength`. */
const STRENGTH_FIELDS = new Set<CorpusField>([
  'integration',
  'dependency',
  'tag',
]);

/**
 * How much a shared key of the query counts in the estimate (as `sharedValueStrength`; a system
 * the query is a connector to in full). The candidate's own connectors are not known here; the
 * scorer counts them.
 */
function walkStrength(
  doc: OverlapDocument,
  field: CorpusField,
  key: string,
  stats: CorpusStats,
): number {
  if (field === 'integration' && doc.connectors.includes(key)) return 1;
  return STRENGTH_FIELDS.has(field)
    ? sharedValueStrength(field, key, stats)
    : 1;
}

/** A key whose posting list a query walks; `unlessHas` skips the documents that hold that key id. */
interface WalkedKey {
  field: CorpusField;
  key: string;
  id: number;
  unlessHas?: number;
}

const INTEGRATION_COLUMN = COLUMN.integration!;
const CATEGORY_COLUMN = COLUMN.category!;
/** Set in a slot's column-0 shared count when it has the query's type (no count needs bit 30). */
const SAME_TYPE = 1 << 30;
/** The config weight and whether the scorer saturates the Dice coefficient, per field. */
const DICE_SIGNAL: Record<DiceField, { weight: string; saturate: boolean }> = {
  integration: { weight: 'integrations', saturate: true },
  category: { weight: 'systemCategories', saturate: false },
  tag: { weight: 'tags', saturate: true },
  dependency: { weight: 'dependencies', saturate: false },
};
/** Keys of more than this share of the documents bring in no candidates of their own... */
const COMMON_KEY_SHARE = 0.03;
/**
 * ...and keys of more than this share are left out of the estimate altogether: their idf is
 * at most ln 6, so they add little to any estimate, while visiting their postings took most
 * of a query's time (in one run at 100,000 generated documents: top-10 query mean 5.2 -> 3.7
 * ms, share of the brute-force top 10 found 0.988 -> 0.980). The scorer still counts them.
 */
const VERY_COMMON_KEY_SHARE = 0.2;
/**
 * Neither applies to keys of at most this many documents: they cost little to visit, and in
 * catalogs of a few thousand entities 3% is too few to tell (at 5,000 generated documents the
 * index found 0.914 of the brute-force top 10 without this floor, 0.971 with it).
 */
const COMMON_KEY_MIN_DOCUMENTS = 1_000;
/** Fully scored candidates per query: at least this many, or five times the limit. */
const MIN_CANDIDATES = 50;

function grown<
  T extends Float64Array | Float32Array | Int32Array | Uint32Array,
>(array: T, length: number): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(length, array.length * 2, 64),
  );
  next.set(array);
  return next;
}

/** What the index keeps of a document besides its key ids: the structure fields as they are. */
type DocumentRest = Omit<OverlapDocument, 'subject' | 'terms'>;

/**
 * An in-memory overlap index. Documents are added, updated and removed one at a time.
 *
 * Memory: a document is kept as its subject, one Float32Array of (key id, weight) pairs and its
 * structure fields with interned strings; keys get integer ids and posting lists of typed arrays
 * (`KeyPostings`). The scorer's `OverlapDocument` (with its map of terms) is put together again
 * only for the few documents that a query scores.
 *
 * Queries: every document that shares a key with the query gets an estimate of the scorer's
 * result from the posting lists (TF-IDF dot product, rarity-weighted Dice coefficients of the
 * structure fields, the same noisy-OR), cross-team ones first as in the result; the best
 * estimates are then scored by the scorer itself, so the scores returned are the scorer's.
 * `bruteForce` scores every document, for comparison.
 */
export class OverlapIndex {
  readonly #slotOf = new Map<string, number>();
  readonly #subjects: Array<OverlapSubject | undefined> = [];
  /**
   * Per slot: key id, weight (a term's tf, 1 for other keys), key id, weight, ... Key ids are
   * exact in a Float32Array up to 2^24 (KeyPostings refuses more keys than that).
   */
  readonly #keysOf: Array<Float32Array | undefined> = [];
  readonly #restOf: Array<DocumentRest | undefined> = [];
  readonly #freeSlots: number[] = [];
  /** Per slot: the owner's id in #owners, -1 for none. */
  #ownerOf = new Int32Array(0);
  readonly #owners = new Map<string, number>();
  /** Per owner id: its name and how many documents it owns; ids of owners without any are reused. */
  readonly #ownerNames: string[] = [];
  readonly #ownerDocuments: number[] = [];
  readonly #freeOwnerIds: number[] = [];
  /** Per slot and column: text vector norm and idf sums of the structure fields. */
  #sums = new Float64Array(0);
  /** Corpus size when #sums were last brought up to date for every slot. */
  #sumsCorpusSize = 0;
  /** Interned strings of the structure fields, with how many places use each. */
  readonly #strings = new Map<string, { value: string; uses: number }>();
  readonly #postings = new KeyPostings();
  readonly #stats = new CachedCorpusStats();
  readonly #config: OverlapConfig;
  readonly #signals: OverlapSignal[];
  readonly #weights: OverlapWeights;

  // Accumulators of one query, kept between queries to spare the allocation.
  #epoch = 0;
  #mark = new Uint32Array(0);
  #shared = new Float64Array(0);
  #sharedCount = new Int32Array(0);
  /** Per slot and column: shared keys counted by their strength (`sharedValueStrength`). */
  #sharedPieces = new Float32Array(0);
  #priority = new Float64Array(0);
  #touched = new Int32Array(0);

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
    this.#weights = { ...this.#config.weights };
    for (const signal of this.#signals) {
      if (!(signal.id in this.#weights)) {
        this.#weights[signal.id] = signal.weight;
      }
    }
  }

  get size(): number {
    return this.#slotOf.size;
  }

  /** How many matches a query answers when it sets no limit. */
  get maxResults(): number {
    return this.#config.maxResults;
  }

  get config(): OverlapConfig {
    return this.#config;
  }

  has(entityRef: string): boolean {
    return this.#slotOf.has(entityRef);
  }

  get(entityRef: string): OverlapSubject | undefined {
    const slot = this.#slotOf.get(entityRef);
    return slot === undefined ? undefined : this.#subjects[slot];
  }

  /** Adds a subject, or replaces the one with the same entityRef. */
  upsert(subject: OverlapSubject): void {
    if (!subject.entityRef)
      throw new Error('An indexed subject needs an entityRef');
    const doc = toDocument(subject);
    const keys = documentKeys(doc);
    // Ids first: the one step that can refuse (too many keys) leaves the index as it was.
    const ids = keys.map(([field, key]) => this.#postings.idOf(field, key));
    // Keys that only the old version had are released once the new version holds its own.
    const emptied = this.#detach(subject.entityRef);
    const slot = this.#freeSlots.pop() ?? this.#subjects.length;
    this.#ensureCapacity(slot + 1);
    this.#stats.add(doc);
    const packed = new Float32Array(keys.length * 2);
    keys.forEach(([field, key], i) => {
      const id = ids[i];
      const weight = field === 'term' ? doc.terms.get(key)! : 1;
      packed[2 * i] = id;
      packed[2 * i + 1] = weight;
      this.#postings.add(id, slot, weight);
    });
    const { subject: _subject, terms: _terms, ...rest } = doc;
    this.#slotOf.set(subject.entityRef, slot);
    this.#subjects[slot] = this.#internSubject(subject);
    this.#keysOf[slot] = packed;
    this.#restOf[slot] = this.#intern(rest);
    this.#ownerOf[slot] = this.#ownerId(subject.owner);
    this.#updateSums(slot);
    this.#releaseKeys(emptied);
  }

  /** Removes a subject; true if it was there. */
  remove(entityRef: string): boolean {
    const emptied = this.#detach(entityRef);
    if (emptied === undefined) return false;
    this.#releaseKeys(emptied);
    return true;
  }

  /**
   * What the index holds: documents, key ids, interned strings and owners. All of them come
   * and go with the documents.
   */
  get holdings(): {
    documents: number;
    keys: number;
    strings: number;
    owners: number;
  } {
    return {
      documents: this.#slotOf.size,
      keys: this.#postings.size,
      strings: this.#strings.size,
      owners: this.#owners.size,
    };
  }

  /**
   * Takes a subject out of the index and returns the key ids that no document has any more
   * (undefined when it was not there); they stay taken until `#releaseKeys`.
   */
  #detach(entityRef: string): number[] | undefined {
    const slot = this.#slotOf.get(entityRef);
    if (slot === undefined) return undefined;
    this.#stats.remove(this.#document(slot));
    const packed = this.#keysOf[slot]!;
    const emptied: number[] = [];
    for (let i = 0; i < packed.length; i += 2) {
      this.#postings.delete(packed[i], slot);
      if (this.#postings.count(packed[i]) === 0) emptied.push(packed[i]);
    }
    this.#releaseSubject(this.#subjects[slot]!, this.#restOf[slot]!);
    this.#releaseOwner(this.#ownerOf[slot]);
    this.#slotOf.delete(entityRef);
    this.#subjects[slot] = undefined;
    this.#keysOf[slot] = undefined;
    this.#restOf[slot] = undefined;
    this.#ownerOf[slot] = -1;
    this.#sums.fill(0, slot * COLUMNS, (slot + 1) * COLUMNS);
    this.#freeSlots.push(slot);
    return emptied;
  }

  #releaseKeys(ids: number[] | undefined) {
    for (const id of ids ?? []) {
      if (this.#postings.count(id) === 0) this.#postings.release(id);
    }
  }

  /** Scores one pair with every signal, the extra ones included. */
  async scorePair(
    a: OverlapSubject,
    b: OverlapSubject,
  ): Promise<GradedPairScore> {
    return this.#score(this.#doc(a), this.#doc(b));
  }

  /** The indexed subjects that overlap the given one (itself excluded), best first. */
  async query(
    subject: OverlapSubject | string,
    options: OverlapQueryOptions = {},
  ): Promise<OverlapMatch[]> {
    const doc = this.#resolve(subject);
    const limit = options.limit ?? this.#config.maxResults;
    const threshold = options.threshold ?? this.#config.threshold;
    const max = Math.max(MIN_CANDIDATES, limit * 5);
    const slots =
      this.size <= max
        ? this.#liveSlots()
        : this.#candidates(doc, max, threshold);
    return this.#rank(doc, slots, options);
  }

  /** Like `query`, but scores every indexed subject. */
  async bruteForce(
    subject: OverlapSubject | string,
    options: OverlapQueryOptions = {},
  ): Promise<OverlapMatch[]> {
    return this.#rank(this.#resolve(subject), this.#liveSlots(), options);
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

  #liveSlots(): number[] {
    return [...this.#slotOf.values()];
  }

  #ensureCapacity(slots: number) {
    this.#ownerOf = grown(this.#ownerOf, slots);
    this.#sums = grown(this.#sums, slots * COLUMNS);
    this.#mark = grown(this.#mark, slots);
    this.#shared = grown(this.#shared, slots * COLUMNS);
    this.#sharedCount = grown(this.#sharedCount, slots * COLUMNS);
    this.#sharedPieces = grown(this.#sharedPieces, slots * COLUMNS);
    this.#priority = grown(this.#priority, slots);
    this.#touched = grown(this.#touched, slots);
  }

  #ownerId(owner: string | undefined): number {
    if (!owner) return -1;
    let id = this.#owners.get(owner);
    if (id === undefined) {
      id = this.#freeOwnerIds.pop() ?? this.#ownerDocuments.length;
      this.#owners.set(owner, id);
      this.#ownerNames[id] = owner;
      this.#ownerDocuments[id] = 0;
    }
    this.#ownerDocuments[id] += 1;
    return id;
  }

  #releaseOwner(id: number) {
    if (id < 0) return;
    this.#ownerDocuments[id] -= 1;
    if (this.#ownerDocuments[id] === 0) {
      this.#owners.delete(this.#ownerNames[id]);
      this.#ownerNames[id] = '';
      this.#freeOwnerIds.push(id);
    }
  }

  /** The index's single copy of a string, counted once more. */
  #internString(value: string): string {
    const known = this.#strings.get(value);
    if (known) {
      known.uses += 1;
      return known.value;
    }
    this.#strings.set(value, { value, uses: 1 });
    return value;
  }

  #releaseString(value: unknown) {
    if (typeof value !== 'string') return;
    const known = this.#strings.get(value);
    if (known && --known.uses === 0) this.#strings.delete(value);
  }

  /** Gives back every string that `#internSubject` and `#intern` counted for a document. */
  #releaseSubject(subject: OverlapSubject, rest: DocumentRest) {
    const release = (value: unknown) => this.#releaseString(value);
    release(subject.kind);
    subject.tags.forEach(release);
    subject.integrations.forEach(release);
    subject.dependencies.forEach(release);
    release(subject.type);
    release(subject.owner);
    for (const value of Object.values(rest)) {
      if (Array.isArray(value)) value.forEach(release);
      else release(value);
    }
  }

  /**
   * A copy of the subject whose short shared strings (kind, type, owner, tags, systems,
   * dependencies) are the index's single copies: stored entries arrive as parsed JSON, with a
   * string of their own for every "salesforce".
   */
  #internSubject(subject: OverlapSubject): OverlapSubject {
    const one = (value: string) => this.#internString(value);
    const copy: OverlapSubject = {
      ...subject,
      kind: one(subject.kind),
      tags: subject.tags.map(one),
      integrations: subject.integrations.map(one),
      dependencies: subject.dependencies.map(one),
    };
    if (subject.type !== undefined) copy.type = one(subject.type);
    if (subject.owner !== undefined) copy.owner = one(subject.owner);
    return copy;
  }

  /** One copy of each string in the structure fields (many documents share a system or tag). */
  #intern(rest: DocumentRest): DocumentRest {
    const interned: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(rest)) {
      const one = (v: unknown) =>
        typeof v === 'string' ? this.#internString(v) : v;
      interned[field] = Array.isArray(value) ? value.map(one) : one(value);
    }
    return interned as DocumentRest;
  }

  /** The scorer's document of an indexed slot, put together from what the index keeps. */
  #document(slot: number): OverlapDocument {
    const packed = this.#keysOf[slot]!;
    const terms = new Map<string, number>();
    for (let i = 0; i < packed.length; i += 2) {
      if (this.#postings.field(packed[i]) === 'term') {
        terms.set(this.#postings.key(packed[i]), packed[i + 1]);
      }
    }
    return {
      ...this.#restOf[slot]!,
      subject: this.#subjects[slot]!,
      terms,
      inCorpus: true,
    };
  }

  #doc(subject: OverlapSubject): OverlapDocument {
    const slot = subject.entityRef
      ? this.#slotOf.get(subject.entityRef)
      : undefined;
    if (slot === undefined) return toDocument(subject);
    if (this.#subjects[slot] === subject) return this.#document(slot);
    // Another version of an indexed entity: the corpus counts the indexed one's words.
    return { ...toDocument(subject), inCorpus: true };
  }

  #resolve(subject: OverlapSubject | string): OverlapDocument {
    if (typeof subject !== 'string') return this.#doc(subject);
    const slot = this.#slotOf.get(subject);
    if (slot === undefined) {
      throw new Error(`${subject} is not in the overlap index`);
    }
    return this.#document(slot);
  }

  /**
   * Text norm (without the slot's own terms, as the scorer leaves them out: see
   * `textSimilarity`) and structure idf sums of one slot under the current corpus statistics.
   */
  #updateSums(slot: number) {
    const packed = this.#keysOf[slot]!;
    const base = slot * COLUMNS;
    const ownTerm = this.#stats.idfOfCount(1) - 1e-12;
    const ownShare = ownTermShare(this.#stats);
    this.#sums.fill(0, base, base + COLUMNS);
    for (let i = 0; i < packed.length; i += 2) {
      const field = this.#postings.field(packed[i]);
      const column = COLUMN[field];
      if (column === undefined) continue;
      const idf = this.#stats.idf(field, this.#postings.key(packed[i]));
      if (column === 0) {
        const w = packed[i + 1] * idf;
        this.#sums[base] += idf >= ownTerm ? (1 - ownShare) * w * w : w * w;
      } else {
        this.#sums[base + column] += idf;
      }
    }
    this.#sums[base] = Math.sqrt(this.#sums[base]);
  }

  /**
   * The estimates use idf values from when each document was indexed; once the corpus has grown
   * or shrunk by a tenth since they were all brought up to date, they are updated for all.
   */
  #refreshSums() {
    const n = this.#stats.size;
    if (Math.abs(n - this.#sumsCorpusSize) <= 0.1 * this.#sumsCorpusSize) {
      return;
    }
    for (const slot of this.#slotOf.values()) this.#updateSums(slot);
    this.#sumsCorpusSize = n;
  }

  /**
   * Estimates the score of every document that shares a key with the query, straight from the
   * posting lists, and returns the `max` most promising slots: cross-team documents whose
   * estimate comes near the threshold first, as the result orders them.
   */
  #candidates(doc: OverlapDocument, max: number, threshold: number): number[] {
    this.#refreshSums();
    const stats = this.#stats;
    const weights = this.#weights;
    const epoch = ++this.#epoch;
    const mark = this.#mark;
    const shared = this.#shared;
    const sharedCount = this.#sharedCount;
    const sharedPieces = this.#sharedPieces;
    const touched = this.#touched;
    let touchedCount = 0;

    const querySums = new Float64Array(COLUMNS);
    const keys = documentKeys(doc);
    let typeId: number | undefined;
    let typeKey: string | undefined;
    const ownTerm = ownTermIdf(doc, stats);
    const ownShare = ownTermShare(stats);
    for (const [field, key] of keys) {
      const column = COLUMN[field];
      if (column === undefined) continue;
      const idf = stats.idf(field, key);
      if (column === 0) {
        const w = doc.terms.get(key)! * idf;
        querySums[0] += idf >= ownTerm ? (1 - ownShare) * w * w : w * w;
      } else {
        querySums[column] += idf;
      }
    }
    querySums[0] = Math.sqrt(querySums[0]);

    // Keys that a large share of the corpus has would make every query a scan: they add to
    // the estimates of documents that share a rarer key too, but bring in no new candidates
    // (a document that shares only such keys with the query rarely ranks among its best).
    const commonLimit = Math.max(
      COMMON_KEY_SHARE * stats.size,
      COMMON_KEY_MIN_DOCUMENTS,
    );
    const veryCommonLimit = Math.max(
      VERY_COMMON_KEY_SHARE * stats.size,
      COMMON_KEY_MIN_DOCUMENTS,
    );
    const byRarity: WalkedKey[] = keys
      .map(([field, key]) => ({
        field,
        key,
        id: this.#postings.find(field, key),
      }))
      .filter(
        (k): k is { field: CorpusField; key: string; id: number } =>
          k.id !== undefined,
      )
      .sort((a, b) => this.#postings.count(a.id) - this.#postings.count(b.id));
    byRarity.push(...this.#namedIntegrationKeys(doc));
    for (const { field, key, id, unlessHas } of byRarity) {
      const column = COLUMN[field];
      if (column === undefined) {
        if (field === 'type') {
          typeId = id;
          typeKey = key;
        }
        continue;
      }
      const idf = stats.idf(field, key);
      const strength = walkStrength(doc, field, key, stats);
      const value =
        column === 0 ? doc.terms.get(key)! * idf * idf : idf * strength;
      const {
        slots,
        weights: postingWeights,
        length,
      } = this.#postings.posting(id);
      if (length > veryCommonLimit) continue;
      const common = length > commonLimit;
      for (let i = 0; i < length; i++) {
        const slot = slots[i];
        if (unlessHas !== undefined && this.#holdsKey(slot, unlessHas))
          continue;
        const base = slot * COLUMNS;
        if (mark[slot] !== epoch) {
          if (common) continue;
          mark[slot] = epoch;
          // Only the text sum and the counts need clearing: a structure column's sums are
          // set, not added to, when its count is 0.
          shared[base] = 0;
          for (let c = 0; c < COLUMNS; c++) sharedCount[base + c] = 0;
          touched[touchedCount++] = slot;
        }
        if (column === 0) {
          shared[base] += value * postingWeights[i];
        } else if (sharedCount[base + column]++ === 0) {
          shared[base + column] = value;
          sharedPieces[base + column] = strength;
        } else {
          shared[base + column] += value;
          sharedPieces[base + column] += strength;
        }
      }
    }

    // The same type alone never reaches the threshold unless its weight does: it only adds
    // to documents that share something else.
    const typeAlone = (weights.type ?? 0) >= threshold;
    let typeScore = 0;
    if (typeId !== undefined && typeKey !== undefined) {
      // What the scorer gives any pair of this type: its own type evidence against itself.
      typeScore =
        structureEvidence(doc, doc, stats).find(e => e.signal === 'type')
          ?.score ?? 0;
      const { slots, length } = this.#postings.posting(typeId);
      for (let i = 0; i < length; i++) {
        const slot = slots[i];
        if (mark[slot] === epoch) {
          sharedCount[slot * COLUMNS] |= SAME_TYPE;
        } else if (typeAlone) {
          mark[slot] = epoch;
          shared[slot * COLUMNS] = 0;
          for (let c = 0; c < COLUMNS; c++) sharedCount[slot * COLUMNS + c] = 0;
          sharedCount[slot * COLUMNS] = SAME_TYPE;
          touched[touchedCount++] = slot;
        }
      }
    }

    const ownSlot = this.#slotOf.get(doc.subject.entityRef);
    const owner = doc.subject.owner ? this.#owners.get(doc.subject.owner) : -1;
    const hasOwner = Boolean(doc.subject.owner);
    const textWeight = weights.text ?? 0;
    const typeWeight = weights.type ?? 0;
    // Weight and saturation per column, for the tight loop below.
    const columnWeight = new Float64Array(COLUMNS);
    const columnSaturates = new Uint8Array(COLUMNS);
    for (const field of DICE_FIELDS) {
      columnWeight[COLUMN[field]!] = weights[DICE_SIGNAL[field].weight] ?? 0;
      columnSaturates[COLUMN[field]!] = DICE_SIGNAL[field].saturate ? 1 : 0;
    }
    const priority = this.#priority;
    const sums = this.#sums;
    const ownerOf = this.#ownerOf;
    const queryNorm = querySums[0];
    const typeFactor = 1 - typeWeight * typeScore;
    const textPrior = stats.idf('term', '') ** 2;
    let kept = 0;
    for (let k = 0; k < touchedCount; k++) {
      const slot = touched[k];
      if (slot === ownSlot) continue;
      const base = slot * COLUMNS;
      let remaining = 1;
      // With the scorer's one-unseen-word prior (see textSimilarity).
      const slotNorm = sums[base];
      if (queryNorm > 0 && slotNorm > 0) {
        const norms = Math.sqrt(
          (queryNorm * queryNorm + textPrior) *
            (slotNorm * slotNorm + textPrior),
        );
        remaining *= 1 - textWeight * Math.min(1, shared[base] / norms);
      }
      const sharesIntegration = sharedCount[base + INTEGRATION_COLUMN] > 0;
      for (let column = 1; column < COLUMNS; column++) {
        const count = sharedCount[base + column];
        if (count === 0) continue;
        // The scorer compares kinds of systems only for the systems that are not shared.
        if (column === CATEGORY_COLUMN && sharesIntegration) continue;
        let score =
          (2 * shared[base + column]) /
          (querySums[column] + sums[base + column]);
        if (columnSaturates[column]) {
          score *= 1 - 2 ** -sharedPieces[base + column];
        }
        remaining *= 1 - columnWeight[column] * Math.min(1, score);
      }
      if (sharedCount[base] & SAME_TYPE) remaining *= typeFactor;
      const estimate = 1 - remaining;
      const crossTeam =
        hasOwner && ownerOf[slot] !== -1 && ownerOf[slot] !== owner;
      priority[slot] =
        estimate + (crossTeam && estimate >= threshold * 0.5 ? 1 : 0);
      touched[kept++] = slot;
    }
    return topSlots(touched, kept, priority, max);
  }

  /** Whether the document in a slot has the key with this id. */
  #holdsKey(slot: number, id: number): boolean {
    const packed = this.#keysOf[slot]!;
    for (let i = 0; i < packed.length; i += 2)
      if (packed[i] === id) return true;
    return false;
  }

  /**
   * What the scorer counts as shared integrations by name (`namedIntegrations`), as posting
   * lists to walk: the documents that declare a system the query's text names, and the
   * documents whose text names a system the query declares (through the term's posting list).
   */
  #namedIntegrationKeys(doc: OverlapDocument): WalkedKey[] {
    const found: WalkedKey[] = [];
    for (const term of doc.terms.keys()) {
      if (doc.integrations.includes(term)) continue;
      const id = this.#postings.find('integration', term);
      if (id !== undefined) found.push({ field: 'integration', key: term, id });
    }
    for (const system of doc.integrations) {
      const id = this.#postings.find('term', system);
      // Walked as an integration (its column, its idf), except where the document declares the
      // system too, which its own posting list has counted already.
      if (id !== undefined) {
        const declared = this.#postings.find('integration', system);
        found.push({
          field: 'integration',
          key: system,
          id,
          unlessHas: declared,
        });
      }
    }
    return found;
  }

  async #score(
    a: OverlapDocument,
    b: OverlapDocument,
  ): Promise<GradedPairScore> {
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
    return gradePair(
      combine(evidence, this.#weights),
      a,
      b,
      this.#config.alternativeFactor,
    );
  }

  async #rank(
    doc: OverlapDocument,
    slots: number[],
    options: OverlapQueryOptions,
  ): Promise<OverlapMatch[]> {
    const threshold = options.threshold ?? this.#config.threshold;
    const limit = options.limit ?? this.#config.maxResults;
    const ownRef = doc.subject.entityRef;
    const matches: OverlapMatch[] = [];
    for (const slot of slots) {
      const subject = this.#subjects[slot]!;
      if (subject.entityRef === ownRef) continue;
      const { score, reasons, kind } = await this.#score(
        doc,
        this.#document(slot),
      );
      // The threshold applies to the score as reported, so that a match shown at the threshold
      // is always listed at it, and no match is listed with score 0.
      const shown = Math.round(score * 1000) / 1000;
      if (shown < threshold || shown === 0) continue;
      const owner = subject.owner;
      matches.push({
        entityRef: subject.entityRef,
        title: subject.title,
        owner,
        score: shown,
        crossTeam: Boolean(
          owner && doc.subject.owner && owner !== doc.subject.owner,
        ),
        kind,
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
