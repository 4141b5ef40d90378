import stem from 'wink-porter2-stemmer';

/**
 * Words and phrases of general software and business vocabulary that name the same thing, so
 * that two descriptions of one job match when their authors chose different words ("errors"
 * and "exceptions", "cloud spend" and "costs", "pull requests" and "merge requests"). The first
 * entry of each set is the name the engine compares by.
 *
 * Keep it to synonyms a software engineer would agree on without context, across many domains;
 * it is a thesaurus, not a list tuned to any data set. Ambiguous abbreviations ("PR", "MR",
 * "AI") stay out: they match too much.
 */
const SYNONYM_SETS: string[][] = [
  // engineering
  ['error', 'exception', 'crash', 'stack trace', 'stacktrace'],
  ['incident', 'outage', 'on call', 'oncall', 'escalation'],
  ['alert', 'alarm', 'alerting'],
  ['vulnerability', 'cve', 'security finding'],
  ['ci', 'continuous integration'],
  ['cd', 'continuous delivery', 'continuous deployment'],
  ['deploy', 'deployment', 'rollout'],
  ['pull request', 'merge request'],
  ['repository', 'repo'],
  ['lint', 'linter', 'linting'],
  ['scan', 'scanner', 'scanning'],
  ['rule', 'ruleset', 'rule set'],
  ['specification', 'spec'],
  ['technical debt', 'tech debt'],
  ['feature flag', 'feature toggle', 'feature switch'],
  ['trace', 'tracing'],
  ['uptime', 'availability', 'downtime'],
  ['log', 'logging'],
  ['test', 'testing'],
  ['documentation', 'docs', 'doc'],
  ['secret', 'credential', 'password'],
  ['authentication', 'login', 'sign in', 'signin', 'sso', 'single sign on'],
  ['permission', 'authorization', 'access control', 'rbac'],
  ['schedule', 'cron'],
  ['performance', 'speed', 'latency'],
  ['website', 'web site', 'site', 'webpage', 'web page'],
  ['dashboard', 'graph', 'chart'],
  ['metric', 'statistic', 'stats', 'kpi', 'measurement'],
  ['cost', 'spend', 'spending', 'expense', 'finops'],
  ['llm', 'large language model', 'language model', 'genai', 'generative ai'],
  ['chat', 'chatbot', 'chatting'],
  ['search', 'lookup'],
  ['translation', 'localization', 'localisation', 'l10n', 'i18n'],
  ['notification', 'notify'],
  // business
  ['announcement', 'news', 'bulletin'],
  ['email', 'e-mail', 'newsletter'],
  ['feedback', 'survey'],
  ['aggregate', 'aggregator', 'consolidate', 'rollup', 'roll-up'],
  ['report', 'digest', 'summary', 'summarize', 'summarise'],
  ['order', 'purchase'],
  ['invoice', 'bill'],
  ['inventory', 'stock level'],
  ['employee', 'staff', 'personnel'],
  ['recruiting', 'hiring', 'recruitment'],
];

const stemCache = new Map<string, string>();
/** Enough for the vocabulary of a large catalog; emptied when full rather than grown. */
const MAX_CACHED_STEMS = 200_000;
/**
 * Longer words are stemmed each time: real words are shorter, and a few kilobyte-long "words"
 * in queries would otherwise make the full cache hundreds of megabytes.
 */
const MAX_CACHED_WORD_LENGTH = 40;

/** The Porter2 stem of a lower-case word, remembered: stemming is the cost of tokenizing. */
export function stemWord(word: string): string {
  if (word.length > MAX_CACHED_WORD_LENGTH) {
    return stem(word);
  }
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    if (stemCache.size >= MAX_CACHED_STEMS) stemCache.clear();
    stemmed = stem(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** How many stems are remembered (for the memory bench). */
export function cachedStemCount(): number {
  return stemCache.size;
}

/** Stems of a word or phrase, joined by spaces: how phrases are looked up. */
export function stemPhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(stemWord)
    .join(' ');
}

const conceptOfStems = new Map<string, string>();
for (const set of SYNONYM_SETS) {
  const concept = stemPhrase(set[0]).replace(/ /g, '-');
  for (const entry of set) {
    conceptOfStems.set(stemPhrase(entry), concept);
    // The stemmer leaves the plural of an abbreviation alone ("LLMs", "CVEs").
    if (!entry.includes(' '))
      conceptOfStems.set(stemPhrase(`${entry}s`), concept);
    // A dashed spelling ("roll-up", "e-mail") is also written together.
    if (entry.includes('-')) {
      conceptOfStems.set(stemWord(entry.replace(/-/g, '')), concept);
    }
  }
}

/** Stems that start a synonym of several words: only there is a phrase worth looking up. */
const phraseStarts = new Set(
  [...conceptOfStems.keys()]
    .filter(k => k.includes(' '))
    .map(k => k.split(' ')[0]),
);

/** Whether a phrase synonym may start with this word. */
export function mayStartPhrase(word: string): boolean {
  return phraseStarts.has(stemWord(word));
}

/** The longest synonym, in words; phrase matching looks this far ahead. */
export const MAX_SYNONYM_WORDS = Math.max(
  ...[...conceptOfStems.keys()].map(k => k.split(' ').length),
);

/**
 * The name of the synonym set of a stem (or of the space-joined stems of a phrase), if any.
 */
export function conceptOf(stems: string): string | undefined {
  return conceptOfStems.get(stems);
}
