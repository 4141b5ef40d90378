// Type declarations for the two small CommonJS text libraries the engine uses; neither ships types.

declare module 'wink-porter2-stemmer' {
  /** Porter2 (Snowball English) stem of one lower-case word. */
  function stem(word: string): string;
  export = stem;
}

declare module 'stopword' {
  /** The English stop word list. */
  export const eng: string[];
}
