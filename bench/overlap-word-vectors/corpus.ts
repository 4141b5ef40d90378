// Two public corpora of software descriptions written by many independent authors, to train word
// vectors on (see lsa.ts and LABELLING.md, "Eighth session"): Debian's package descriptions, and
// a seeded uniform sample of npm packages' descriptions and keywords.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../overlap-quality/splits';

/**
 * Descriptions about Backstage or MCP are left out: the two quality sets are Backstage plugins
 * and MCP servers, many of which are npm packages themselves, and vectors trained on their own
 * descriptions would score the sets on what they learnt from them.
 */
const ABOUT_THE_SETS = /backstage|\bmcp\b|model ?context ?protocol/i;

export interface Corpus {
  texts: string[];
  /** Records left out as about Backstage or MCP. */
  leftOut: number;
}

/**
 * The `Description-en` texts of a Debian `Translation-en` file (short and long description as
 * one text), without transitional packages, each distinct text once.
 */
export function debianDescriptions(file: string): Corpus {
  const texts = new Set<string>();
  let leftOut = 0;
  for (const record of readFileSync(file, 'utf8').split(/\n\n+/)) {
    const match = record.match(/^Description-en: (.*(?:\n .*)*)/m);
    if (!match) continue;
    const text = match[1].replace(/\n \.\n/g, '\n').replace(/\n /g, ' ');
    if (/transitional (dummy )?package/i.test(text)) continue;
    if (ABOUT_THE_SETS.test(text)) leftOut++;
    else texts.add(text);
  }
  return { texts: [...texts], leftOut };
}

/** `count` distinct names drawn uniformly from `names` with the seed. */
export function sampleNames(
  names: string[],
  count: number,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  const picked = new Set<string>();
  const wanted = Math.min(count, names.length);
  while (picked.size < wanted)
    picked.add(names[Math.floor(random() * names.length)]);
  return [...picked];
}

interface LatestVersion {
  description?: unknown;
  keywords?: unknown;
}

/**
 * Description and keywords of the latest version of each package, from the npm registry, one
 * text per package that has either; packages the registry does not serve are skipped.
 */
export async function npmDescriptions(
  names: string[],
  options: { concurrency?: number; onProgress?: (done: number) => void } = {},
): Promise<Corpus & { served: number }> {
  const texts = new Set<string>();
  let leftOut = 0;
  let served = 0;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      try {
        const response = await fetch(
          `https://registry.npmjs.org/${name.replace('/', '%2f')}/latest`,
        );
        if (response.ok) {
          served++;
          const latest = (await response.json()) as LatestVersion;
          const description =
            typeof latest.description === 'string' ? latest.description : '';
          const keywords = Array.isArray(latest.keywords)
            ? latest.keywords.filter(k => typeof k === 'string')
            : [];
          const text = `${description} ${keywords.join(' ')}`.trim();
          if (ABOUT_THE_SETS.test(`${name} ${text}`)) leftOut++;
          else if (text) texts.add(text);
        }
      } catch {
        // A network error counts as a package the registry does not serve.
      }
      options.onProgress?.(++done);
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency ?? 48 }, () => worker()),
  );
  return { texts: [...texts], leftOut, served };
}
