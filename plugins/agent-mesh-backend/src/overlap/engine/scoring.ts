import { OverlapDocument, surfacesOf } from './document';
import { CorpusField, CorpusStats } from './corpus';
import { OverlapWeights } from './config';
import { jobCategory, systemCategory } from './systems';
import { tokenize } from './text';

/** One built-in signal's view of a pair. */
export interface SignalEvidence {
  signal: string;
  /** 0..1 */
  score: number;
  reasons: string[];
}

/** A scored pair: the combined score in 0..1 and why. */
export interface PairScore {
  score: number;
  reasons: string[];
  evidence: SignalEvidence[];
}

/** The TF-IDF weight vector norm of a document under the current corpus statistics. */
export function textNorm(doc: OverlapDocument, stats: CorpusStats): number {
  let sum = 0;
  for (const [term, tf] of doc.terms) {
    const w = tf * stats.idf('term', term);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

/**
 * How far a term that no other document has is left out of the text norm (see
 * `ownTermsWeight`): in a small catalog most words are in one description only, so that says
 * little about a word; from 100 documents it says the word is the document's own (its name, a
 * coined word). 0 up to 20 documents, 1 from 100, linear between.
 */
export function ownTermShare(stats: CorpusStats): number {
  return Math.min(1, Math.max(0, (stats.size - 20) / 80));
}

/**
 * The idf at and above which a term of the document is its own alone: no other document of
 * the corpus has it (a document frequency of 1 for an indexed document, 0 for a query).
 */
export function ownTermIdf(doc: OverlapDocument, stats: CorpusStats): number {
  return stats.idfOfCount(doc.inCorpus ? 1 : 0) - 1e-12;
}

/**
 * The squared weight, times `ownTermShare`, of the document's terms that no other document has
 * and `other` does not share: its own project name ("DBHub"), a coined word. Such a term can
 * match nothing, so it only makes the document look unlike every other; the text score leaves
 * it out of the norm.
 */
function ownTermsWeight(
  doc: OverlapDocument,
  other: OverlapDocument,
  stats: CorpusStats,
): number {
  const share = ownTermShare(stats);
  if (share === 0) return 0;
  const own = ownTermIdf(doc, stats);
  let sum = 0;
  for (const [term, tf] of doc.terms) {
    const idf = stats.idf('term', term);
    if (idf < own || other.terms.has(term)) continue;
    const w = tf * idf;
    sum += w * w;
  }
  return share * sum;
}

function list(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/**
 * Text: cosine of the TF-IDF vectors of title, description and purpose (title words count
 * double), without the words that only one document of the corpus has. The reason names the
 * shared terms that carry most of the similarity.
 */
export function textSimilarity(
  a: OverlapDocument,
  b: OverlapDocument,
  stats: CorpusStats,
): SignalEvidence {
  const normA = textNorm(a, stats);
  const normB = textNorm(b, stats);
  if (normA === 0 || normB === 0)
    return { signal: 'text', score: 0, reasons: [] };
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  const shared: Array<{ term: string; contribution: number }> = [];
  let dot = 0;
  for (const [term, tf] of small.terms) {
    const other = large.terms.get(term);
    if (other === undefined) continue;
    const idf = stats.idf('term', term);
    const contribution = tf * other * idf * idf;
    dot += contribution;
    shared.push({ term, contribution });
  }
  // Cosine with one unseen word of prior: each description is taken to hold one more word,
  // as rare as words get, that the other does not share. Long descriptions hardly change;
  // two three-word descriptions no longer look alike because both say "insights". The same
  // description twice (cosine 1, own words included) is still a copy, whatever its length.
  const cosine = dot / (normA * normB);
  const prior = stats.idf('term', '') ** 2;
  const score =
    cosine > 1 - 1e-9
      ? 1
      : dot /
        Math.sqrt(
          (normA * normA - ownTermsWeight(a, b, stats) + prior) *
            (normB * normB - ownTermsWeight(b, a, stats) + prior),
        );
  shared.sort((x, y) => y.contribution - x.contribution);
  const surfaces = surfacesOf(a);
  const salient: string[] = [];
  for (const s of shared) {
    if (salient.length === 5 || s.contribution < 0.1 * dot) break;
    const surface = surfaces.get(s.term) ?? s.term;
    // "roll-up" counts as "rollup" and "roll": name it once.
    if (!salient.some(w => w.split(/[.\-+]/).includes(surface))) {
      salient.push(surface);
    }
  }
  return {
    signal: 'text',
    score,
    reasons: salient.length ? [`similar purpose: ${salient.join(', ')}`] : [],
  };
}

/**
 * Rarity-weighted Dice coefficient of two sets: 2 * idf(shared) / (idf(a) + idf(b)), where each
 * shared value counts with its strength (1 by default). Sharing a system that few entities use
 * says more than sharing one that everybody uses. With `saturate`, one shared value of full
 * strength gives half the score and each further one halves the rest.
 */
export function weightedDice(
  a: string[],
  b: string[],
  field: CorpusField,
  stats: CorpusStats,
  options: { saturate?: boolean; strength?: (value: string) => number } = {},
): { score: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { score: 0, shared: [] };
  const setB = new Set(b);
  const shared = a.filter(v => setB.has(v));
  if (shared.length === 0) return { score: 0, shared };
  const strength = options.strength ?? (() => 1);
  const sum = (values: string[]) =>
    values.reduce((s, v) => s + stats.idf(field, v), 0);
  const sharedSum = shared.reduce(
    (s, v) => s + stats.idf(field, v) * strength(v),
    0,
  );
  const dice = (2 * sharedSum) / (sum(a) + sum(b));
  if (!options.saturate) return { score: dice, shared };
  const pieces = shared.reduce((n, v) => n + strength(v), 0);
  return { score: dice * (1 - 2 ** -pieces), shared };
}

/**
 * How much one shared value of a structure field counts. Dependencies and tags are the
 * organisation's own words, so how many of its entities use one is what makes it telling: the
 * warehouse that half the catalog reads, or a department's tag, says little (specificity).
 * Integrations name outside systems, where a small catalog's counts say little (three of
 * twenty entities using Shopify does not make Shopify common); there, a platform that every
 * kind of job uses (GitHub, Slack) counts half.
 */
export function sharedValueStrength(
  field: CorpusField,
  value: string,
  stats: CorpusStats,
): number {
  if (field !== 'integration') return stats.specificity(field, value);
  return systemCategory(value) && !jobCategory(value) ? 0.5 : 1;
}

const systemTermsCache = new Map<string, string[]>();

/** The systems `other` declares that `doc` does not declare but names in its text. */
function namedIntegrations(
  doc: OverlapDocument,
  other: OverlapDocument,
): string[] {
  return other.integrations.filter(system => {
    if (doc.integrations.includes(system)) return false;
    let terms = systemTermsCache.get(system);
    if (!terms) {
      terms = tokenize(system.replace(/-/g, ' ')).map(t => t.term);
      if (systemTermsCache.size > 10_000) systemTermsCache.clear();
      systemTermsCache.set(system, terms);
    }
    return terms.length > 0 && terms.every(t => doc.terms.has(t));
  });
}

/** Structure: integrations, kinds of systems, dependencies, tags and type, each on its own. */
export function structureEvidence(
  a: OverlapDocument,
  b: OverlapDocument,
  stats: CorpusStats,
): SignalEvidence[] {
  const evidence: SignalEvidence[] = [];

  const strength = (field: CorpusField) => (value: string) =>
    sharedValueStrength(field, value, stats);
  // A platform that one side is a connector to is that side's whole job, not a base it builds on.
  const integrationStrength = (value: string) =>
    a.connectors.includes(value) || b.connectors.includes(value)
      ? 1
      : sharedValueStrength('integration', value, stats);
  // A system one side declares and the other's text names ("connects to MySQL, PostgreSQL")
  // is integrated by both, even where the table of known systems does not know it.
  const namedA = namedIntegrations(a, b);
  const namedB = namedIntegrations(b, a);
  const integrations = weightedDice(
    [...a.integrations, ...namedA],
    [...b.integrations, ...namedB],
    'integration',
    stats,
    { saturate: true, strength: integrationStrength },
  );
  // Two connectors to one system ("Notion" and "Notion") are that system integrated twice,
  // whatever else one of them names ("through Claude chat").
  const bothConnect = integrations.shared.some(
    v => a.connectors.includes(v) && b.connectors.includes(v),
  );
  evidence.push({
    signal: 'integrations',
    score: bothConnect ? 1 : integrations.score,
    reasons: integrations.shared.length
      ? [`both integrate ${list(integrations.shared)}`]
      : [],
  });

  // Kinds of systems, for the systems that are not shared as such (Sentry and Rollbar).
  const onlyA = a.integrations.filter(i => !b.integrations.includes(i));
  const onlyB = b.integrations.filter(i => !a.integrations.includes(i));
  const categoriesOf = (systems: string[]) => [
    ...new Set(
      systems.map(i => jobCategory(i)).filter((c): c is string => Boolean(c)),
    ),
  ];
  const categories = weightedDice(
    categoriesOf(onlyA),
    categoriesOf(onlyB),
    'category',
    stats,
  );
  const examples = [...onlyA, ...onlyB].filter(i =>
    categories.shared.includes(jobCategory(i) ?? ''),
  );
  evidence.push({
    signal: 'systemCategories',
    score: categories.score,
    reasons: categories.shared.length
      ? [`both use ${list(categories.shared)} systems (${list(examples)})`]
      : [],
  });

  const dependencies = weightedDice(
    a.dependencies,
    b.dependencies,
    'dependency',
    stats,
    { strength: strength('dependency') },
  );
  evidence.push({
    signal: 'dependencies',
    score: dependencies.score,
    reasons: dependencies.shared.length
      ? [`both depend on ${list(dependencies.shared)}`]
      : [],
  });

  const tags = weightedDice(a.tags, b.tags, 'tag', stats, {
    saturate: true,
    strength: strength('tag'),
  });
  const tagSurfaces = tags.shared.length ? surfacesOf(a) : undefined;
  evidence.push({
    signal: 'tags',
    score: tags.score,
    reasons: tags.shared.length
      ? [
          `shared tags: ${tags.shared
            .map(t => tagSurfaces?.get(`tag:${t}`) ?? t)
            .join(', ')}`,
        ]
      : [],
  });

  if (a.type && a.type === b.type) {
    const score = stats.specificity('type', a.type);
    evidence.push({ signal: 'type', score, reasons: [`same type: ${a.type}`] });
  } else {
    evidence.push({ signal: 'type', score: 0, reasons: [] });
  }
  return evidence;
}

/**
 * Combines independent pieces of evidence with a noisy-OR: each signal alone can raise the
 * score up to its weight, and every further signal closes part of the remaining gap:
 * `1 - product(1 - weight * score)`. Evidence only ever adds; a signal with nothing to say
 * (no shared integration, say) costs nothing, so two teams that solve the same problem with
 * different vendors are still found by their text.
 */
export function combine(
  evidence: SignalEvidence[],
  weights: OverlapWeights,
  minReasonContribution = 0.02,
): PairScore {
  let remaining = 1;
  const reasons: Array<{ text: string; contribution: number }> = [];
  for (const e of evidence) {
    const weight = Math.max(0, Math.min(1, weights[e.signal] ?? 0));
    const contribution = weight * Math.max(0, Math.min(1, e.score));
    remaining *= 1 - contribution;
    if (contribution >= minReasonContribution) {
      for (const text of e.reasons) reasons.push({ text, contribution });
    }
  }
  reasons.sort((x, y) => y.contribution - x.contribution);
  return {
    score: 1 - remaining,
    reasons: reasons.map(r => r.text),
    evidence,
  };
}
