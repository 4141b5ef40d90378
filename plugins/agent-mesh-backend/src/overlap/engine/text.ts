import { eng as englishStopWords } from 'stopword';
import { canonicalSystem, MAX_ALIAS_WORDS } from './systems';
import {
  conceptOf,
  mayStartPhrase,
  MAX_SYNONYM_WORDS,
  stemPhrase,
  stemWord,
} from './vocabulary';

/**
 * Words that say nothing about what an artifact does, on top of the English stop words: words
 * that every catalog description uses ("tool", "backstage", "plugin") would otherwise make
 * unrelated entries look alike in small catalogs, before the IDF has enough data to damp them.
 */
const CATALOG_STOP_WORDS = [
  'backstage',
  'plugin',
  'plugins',
  'tool',
  'tools',
  'use',
  'using',
  'used',
  'allow',
  'allows',
  'provide',
  'provides',
  'within',
  'directly',
  'easily',
  'simple',
  'way',
  'offers',
  'also',
  'via',
  'every',
  'new',
  'one',
  'get',
  'set',
  'e.g',
  'etc',
  'per',
  'so',
  // What a portal page does with anything, and the catalog's own nouns: every entry "shows"
  // something "for your components", so these say nothing about which job it does.
  'view',
  'views',
  'display',
  'displays',
  'show',
  'shows',
  'see',
  'browse',
  'access',
  'info',
  'information',
  'details',
  'component',
  'components',
  'entity',
  'entities',
  'catalog',
  'software',
];

const STOP_WORDS = new Set([...englishStopWords, ...CATALOG_STOP_WORDS]);

/** One term of a text: its stem (what is compared) and the word as written (what is shown). */
export interface Token {
  term: string;
  surface: string;
}

/** Splits text into lower-case words, keeping dots and dashes inside words (`mend.io`, `roll-up`). */
function words(text: string): string[] {
  return (text
    .toLowerCase()
    .match(/[a-z0-9][a-z0-9.\-+]*[a-z0-9+]|[a-z0-9]/g) ?? []) as string[];
}

/**
 * Text to terms: lower case, known systems and their synonyms to one canonical term (`sfdc` and
 * `salesforce` both become `salesforce`, `google analytics` becomes `google-analytics`), stop
 * words out, the rest stemmed with the Porter2 stemmer. A dashed word counts as the word
 * written together and as its parts (`roll-up` gives `rollup` and `roll`), so that it matches
 * "rollup" as well as "roll up".
 */
export function tokenize(text: string): Token[] {
  const raw = words(text);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_ALIAS_WORDS, raw.length - i); n >= 1; n--) {
      const phrase = raw.slice(i, i + n).join(' ');
      const system = canonicalSystem(phrase);
      if (system && (n > 1 || !STOP_WORDS.has(phrase))) {
        tokens.push({ term: system, surface: system });
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const longest = mayStartPhrase(raw[i])
      ? Math.min(MAX_SYNONYM_WORDS, raw.length - i)
      : 0;
    for (let n = longest; n >= 2; n--) {
      const phrase = raw.slice(i, i + n);
      const concept = conceptOf(stemPhrase(phrase.join(' ')));
      if (concept) {
        tokens.push({ term: concept, surface: phrase.join(' ') });
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = raw[i++];
    addWord(word, tokens);
  }
  return tokens;
}

/** The term of one word: the name of its synonym set, or its stem. */
function termOf(word: string): string {
  const stemmed = stemWord(word);
  return conceptOf(stemmed) ?? stemmed;
}

function addWord(word: string, tokens: Token[]) {
  const parts = word.split(/[.\-+]/).filter(Boolean);
  if (parts.length > 1) {
    const concept = conceptOf(stemPhrase(parts.join(' ')));
    if (concept) {
      tokens.push({ term: concept, surface: word });
      return;
    }
    const joined = parts.join('');
    if (!STOP_WORDS.has(joined)) {
      tokens.push({ term: termOf(joined), surface: word });
    }
    for (const part of parts) addWord(part, tokens);
    return;
  }
  if (STOP_WORDS.has(word) || word.length < 2 || /^\d+$/.test(word)) return;
  tokens.push({ term: termOf(word), surface: word });
}
