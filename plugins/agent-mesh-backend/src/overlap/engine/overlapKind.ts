import { OverlapDocument } from './document';
import { PairScore } from './scoring';
import { jobCategory, systemCategory } from './systems';

/**
 * What kind of overlap a pair is:
 * - `duplicate`: the same product integrated twice, or the same job where at most one side is
 *   backed by a product (two teams building one thing: consolidate);
 * - `alternative`: the same job, each side backed by products the other does not use (Sentry
 *   here, Rollbar there: a question of standardising on one vendor).
 *
 * @public
 */
export type OverlapKind = 'duplicate' | 'alternative';

/** A pair's kind and the reason that says why. */
export interface OverlapKindVerdict {
  kind: OverlapKind;
  /** e.g. "both do error tracking: sentry here, rollbar there"; none when nothing to add. */
  reason?: string;
}

/**
 * A document's products: the systems it integrates that do its job (known systems of a job
 * category, and declared integrations that are not known, which name the product the team
 * chose), and the platforms it builds on (GitHub, Slack, a cloud), which any job may use. A
 * platform that the artifact is a connector to (its title is the platform's name) is its job.
 */
function productsOf(doc: OverlapDocument): {
  job: string[];
  platforms: string[];
} {
  const job: string[] = [];
  const platforms: string[] = [];
  for (const system of doc.integrations) {
    const platform =
      systemCategory(system) &&
      !jobCategory(system) &&
      !doc.connectors.includes(system);
    if (platform) platforms.push(system);
    else job.push(system);
  }
  return { job, platforms };
}

const list = (values: string[]) =>
  values.length <= 1
    ? values.join('')
    : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;

/**
 * The kind of an overlapping pair. The job products decide first: shared ones make a
 * duplicate, different ones on both sides an alternative. Without job products on both sides,
 * the platforms decide the same way (two pull-request tools, one on GitHub and one on
 * Bitbucket, are alternatives). Otherwise at least one side is not tied to a product, and the
 * same job is duplicate work whatever backs it.
 */
export function overlapKind(
  a: OverlapDocument,
  b: OverlapDocument,
): OverlapKindVerdict {
  const pa = productsOf(a);
  const pb = productsOf(b);
  const sharedJob = pa.job.filter(p => pb.job.includes(p));
  if (sharedJob.length > 0) return { kind: 'duplicate' };
  if (pa.job.length > 0 && pb.job.length > 0) {
    return { kind: 'alternative', reason: alternativeReason(pa.job, pb.job) };
  }
  const allA = [...pa.job, ...pa.platforms];
  const allB = [...pb.job, ...pb.platforms];
  if (allA.some(p => allB.includes(p))) return { kind: 'duplicate' };
  if (allA.length > 0 && allB.length > 0) {
    return { kind: 'alternative', reason: alternativeReason(allA, allB) };
  }
  return { kind: 'duplicate' };
}

function alternativeReason(here: string[], there: string[]): string {
  const categories = new Set(
    here.map(p => jobCategory(p) ?? systemCategory(p)).filter(Boolean),
  );
  const shared = [
    ...new Set(
      there
        .map(p => jobCategory(p) ?? systemCategory(p))
        .filter((c): c is string => Boolean(c) && categories.has(c)),
    ),
  ];
  const job = shared.length
    ? `both do ${list(shared.map(c => c.replace(/-/g, ' ')))}`
    : 'the same job with other products';
  return `${job}: ${list(here)} here, ${list(there)} there`;
}

/** The systemCategories signal's reason, which an alternative's own reason replaces. */
const SYSTEM_CATEGORY_REASON = /^both use .* systems \(/;

/** A scored pair and its kind. */
export interface GradedPairScore extends PairScore {
  kind: OverlapKind;
}

/**
 * A scored pair with its kind: an alternative's score is its strength times
 * `alternativeFactor`, so that it ranks below a duplicate of the same strength, and its reason
 * (the job, and the products on each side) comes first, in place of "both use ... systems".
 */
export function gradePair(
  pair: PairScore,
  a: OverlapDocument,
  b: OverlapDocument,
  alternativeFactor: number,
): GradedPairScore {
  const verdict = overlapKind(a, b);
  if (verdict.kind === 'duplicate') return { ...pair, kind: 'duplicate' };
  return {
    ...pair,
    kind: 'alternative',
    score: pair.score * alternativeFactor,
    reasons: [
      verdict.reason!,
      ...pair.reasons.filter(r => !SYSTEM_CATEGORY_REASON.test(r)),
    ],
  };
}
