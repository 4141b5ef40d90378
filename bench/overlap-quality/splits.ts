// The fixed tune / held-out halves of a quality set: its groups (and its singletons, one unit
// each) shuffled with a seeded generator and cut in two. The halves are written in the data
// sets (`split` of each item); `checkSplit` tells when a file no longer matches its seed.

export type Half = 'tune' | 'held-out';

export interface SplitItem {
  id: string;
  group: string | null;
  split?: Half;
}

/** The seed of every split in this bench (issue 13). */
export const SPLIT_SEED = 13;

/** A small seeded generator (mulberry32), so that the halves are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The unit that is split: the item's group, or the item alone when it overlaps nothing. */
export const splitUnit = (item: SplitItem) => item.group ?? `single:${item.id}`;

/** Sorted units, Fisher-Yates shuffle with the seed; the first half (rounded up) is `tune`. */
export function splitUnits(
  items: SplitItem[],
  seed = SPLIT_SEED,
): Map<string, Half> {
  const units = [...new Set(items.map(splitUnit))].sort();
  const random = seededRandom(seed);
  for (let i = units.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [units[i], units[j]] = [units[j], units[i]];
  }
  const tune = Math.ceil(units.length / 2);
  return new Map(units.map((u, i) => [u, i < tune ? 'tune' : 'held-out']));
}

/** Throws when the halves written in a set are not the ones its seed gives. */
export function checkSplit(name: string, items: SplitItem[]): void {
  const halves = splitUnits(items);
  const wrong = items.filter(i => i.split !== halves.get(splitUnit(i)));
  if (wrong.length > 0) {
    throw new Error(
      `${name}: the split of ${wrong
        .map(i => i.id)
        .join(', ')} is not the one seed ${SPLIT_SEED} gives`,
    );
  }
}
