import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { tokenize } from './text';
import { jobCategory, normalizeSystemName, systemCategory } from './systems';

/** How much a word counts in each text field: the title names the job in a few words. */
export const FIELD_WEIGHTS = { title: 2, description: 1, purpose: 1 } as const;

/** A subject prepared for comparison: weighted terms and normalized structure. */
export interface OverlapDocument {
  subject: OverlapSubject;
  /** Term to weight: 1 + ln(field-weighted count). */
  terms: Map<string, number>;
  integrations: string[];
  /** Categories of the known systems among the integrations. */
  categories: string[];
  /**
   * The systems the title names when it names nothing else ("Notion", "Kubernetes MCP Server"):
   * the artifact connects to that system as a whole, so another artifact integrating it does
   * part of the same job (see `sharedValueStrength`).
   */
  connectors: string[];
  tags: string[];
  dependencies: string[];
  type?: string;
  /**
   * Whether the corpus statistics count this document (it is in the index), so that a key
   * with a document frequency of 1 is its own alone. A query for work not in the catalog
   * (`POST /similar`) is not counted.
   */
  inCorpus?: boolean;
}

/** Normalized tag: a known system by its canonical name, other tags by their stemmed words. */
export function normalizeTag(tag: string): string {
  const system = normalizeSystemName(tag);
  if (system !== tag.toLowerCase()) return system;
  const terms = tokenize(tag).map(t => t.term);
  return terms.length ? terms.join(' ') : tag.toLowerCase();
}

/**
 * Words that name a connector rather than a job: a title that is a system's name and these
 * ("Redis MCP Server", "Jira API client") is the name of a connector to that system.
 */
const CONNECTOR_WORDS = new Set(
  [
    'mcp',
    'server',
    'api',
    'integration',
    'connector',
    'client',
    'sdk',
    'module',
    'backend',
    'frontend',
  ].flatMap(w => tokenize(w).map(t => t.term)),
);

/** The systems a title names when, apart from connector words, it names nothing else. */
function connectorsOf(title: string, integrations: string[]): string[] {
  const titleTerms = new Set(
    tokenize(title)
      .map(t => t.term)
      .filter(t => !CONNECTOR_WORDS.has(t)),
  );
  if (titleTerms.size === 0) return [];
  // Declared systems whose every word the title has (unknown systems too: "Notion", "MSSQL").
  const named = integrations
    .map(system => ({
      system,
      parts: tokenize(system.replace(/-/g, ' ')).map(t => t.term),
    }))
    .filter(n => n.parts.length > 0 && n.parts.every(p => titleTerms.has(p)));
  const covered = new Set(named.flatMap(n => n.parts));
  const others = [...titleTerms].filter(t => !covered.has(t));
  if (others.some(t => !systemCategory(t))) return [];
  // "AWS S3" connects to S3, not to all of AWS: a system whose words are all part of a longer
  // named system's is that system's vendor, not what the title names.
  const specific = named.filter(
    n =>
      !named.some(
        m =>
          m.parts.length > n.parts.length &&
          n.parts.every(p => m.parts.includes(p)),
      ),
  );
  const vendorWords = new Set(
    named.filter(n => !specific.includes(n)).flatMap(n => n.parts),
  );
  return [
    ...new Set([
      ...specific.map(n => n.system),
      ...others.filter(t => !vendorWords.has(t)),
    ]),
  ];
}

const categoryTermsCache = new Map<string, string[]>();

/** The terms of the words that name a category of systems ("error-tracking": error, track). */
function categoryTerms(category: string): string[] {
  let terms = categoryTermsCache.get(category);
  if (!terms) {
    terms = tokenize(category.replace(/-/g, ' ')).map(t => t.term);
    categoryTermsCache.set(category, terms);
  }
  return terms;
}

const typeTermsCache = new Map<string, Set<string>>();

/** The connector words of a `spec.type` ("mcp-server": mcp, server; "aggregator": none). */
function typeConnectorTerms(type: string | undefined): Set<string> {
  if (!type) return new Set();
  let terms = typeTermsCache.get(type);
  if (!terms) {
    terms = new Set(
      tokenize(type.replace(/[-_]/g, ' '))
        .map(t => t.term)
        .filter(t => CONNECTOR_WORDS.has(t)),
    );
    typeTermsCache.set(type, terms);
  }
  return terms;
}

/** Turns a subject into the document the index and the scorer work with. */
export function toDocument(subject: OverlapSubject): OverlapDocument {
  const counts = new Map<string, number>();
  const addCount = (term: string, weight: number) =>
    counts.set(term, (counts.get(term) ?? 0) + weight);
  const mentioned = new Set<string>();
  // Connector words that restate the entity's own type ("MCP server" in an mcp-server's text)
  // say what form it takes, not what it does; the type is compared on its own, so they do not
  // count as words: two MCP servers for different systems are not alike for being MCP servers.
  // (Other type words stay: an `aggregator`'s "roll-up" is its job.)
  const typeWords = typeConnectorTerms(subject.type);
  // A known system named in the text reads as the job it does: "View Sentry issues" as "View
  // error tracking issues". Its name is compared by the integrations signal, its kind of job
  // by the words, so that "Rollbar errors" and "tracks exceptions" match by what they do.
  for (const field of ['title', 'description', 'purpose'] as const) {
    for (const { term } of tokenize(subject[field] ?? '')) {
      if (typeWords.has(term)) continue;
      if (systemCategory(term)) {
        mentioned.add(term);
        const category = jobCategory(term);
        if (!category) continue;
        for (const t of categoryTerms(category))
          addCount(t, FIELD_WEIGHTS[field]);
      } else {
        addCount(term, FIELD_WEIGHTS[field]);
      }
    }
  }
  // Declared integrations that the text does not name count like a word of the description.
  for (const system of (subject.integrations ?? []).map(normalizeSystemName)) {
    const category = jobCategory(system);
    if (!category || mentioned.has(system)) continue;
    for (const t of categoryTerms(category))
      addCount(t, FIELD_WEIGHTS.description);
  }
  const terms = new Map<string, number>();
  for (const [term, count] of counts) terms.set(term, 1 + Math.log(count));
  const integrations = [
    ...new Set([
      ...(subject.integrations ?? []).map(normalizeSystemName),
      ...mentioned,
    ]),
  ];
  const categories = [
    ...new Set(
      integrations
        .map(i => jobCategory(i))
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  return {
    subject,
    terms,
    integrations,
    categories,
    connectors: connectorsOf(subject.title ?? '', integrations),
    tags: [...new Set((subject.tags ?? []).map(normalizeTag))],
    dependencies: [...new Set(subject.dependencies ?? [])],
    type: subject.type?.toLowerCase() || undefined,
  };
}

let lastSurfaces:
  | { doc: OverlapDocument; surfaces: Map<string, string> }
  | undefined;

/**
 * Term to the word as first written in a document, for reasons. Not kept in the index (it would
 * double the memory of every document); worked out again for the document being queried, and
 * remembered for the last one, which is the same one for a whole query.
 */
export function surfacesOf(doc: OverlapDocument): Map<string, string> {
  if (lastSurfaces?.doc === doc) return lastSurfaces.surfaces;
  const surfaces = new Map<string, string>();
  for (const field of ['title', 'description', 'purpose'] as const) {
    for (const { term, surface } of tokenize(doc.subject[field] ?? '')) {
      if (!surfaces.has(term)) surfaces.set(term, surface);
    }
  }
  // The words that a known system's kind of job adds ("error", "tracking" for Sentry).
  for (const category of doc.categories) {
    for (const { term, surface } of tokenize(category.replace(/-/g, ' '))) {
      if (!surfaces.has(term)) surfaces.set(term, surface);
    }
  }
  for (const tag of doc.subject.tags ?? []) {
    const key = `tag:${normalizeTag(tag)}`;
    if (!surfaces.has(key)) surfaces.set(key, tag.toLowerCase());
  }
  lastSurfaces = { doc, surfaces };
  return surfaces;
}
