// The two labelled sets of the overlap-quality bench and what their labels say about a pair
// (see LABELLING.md): `duplicate` when two items of one group have the same product (or both
// none), `alternative` when their products differ, nothing when they are in different groups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSplit, Half } from './splits';

export interface Item {
  id: string;
  title: string;
  description: string;
  type: string;
  tags: string[];
  integrations: string[];
  owner: string;
  /** Items with the same group overlap; `null` for an item that overlaps nothing. */
  group: string | null;
  /** The external product the item integrates; `null` when it is generic. */
  product: string | null;
  split: Half;
}

export interface QualitySet {
  name: string;
  items: Item[];
}

export type Tier = 'duplicate' | 'any';
export const TIERS: Tier[] = ['duplicate', 'any'];

export type PairLabel = 'duplicate' | 'alternative' | null;

export function pairLabel(a: Item, b: Item): PairLabel {
  if (a.id === b.id || a.group === null || a.group !== b.group) return null;
  return a.product === b.product ? 'duplicate' : 'alternative';
}

/** A positive of the tier: duplicates only, or duplicates and alternatives. */
export const isPositive = (label: PairLabel, tier: Tier) =>
  tier === 'any' ? label !== null : label === 'duplicate';

function load(name: string, file: string): QualitySet {
  const items: Item[] = JSON.parse(
    readFileSync(join(__dirname, file), 'utf8'),
  ).items;
  checkSplit(name, items);
  return { name, items };
}

/** The first set (Backstage plugins) and the second (MCP servers). */
export function loadSets(): QualitySet[] {
  return [
    load('backstage-plugins', 'dataset.json'),
    load('mcp-servers', 'mcp-servers.json'),
  ];
}

/** Items, groups and labelled pairs of some items, for the report's parameters. */
export function describe(items: Item[]) {
  let duplicatePairs = 0;
  let alternativePairs = 0;
  items.forEach((a, i) =>
    items.slice(i + 1).forEach(b => {
      const label = pairLabel(a, b);
      if (label === 'duplicate') duplicatePairs++;
      if (label === 'alternative') alternativePairs++;
    }),
  );
  return {
    items: items.length,
    groups: new Set(items.map(i => i.group).filter(Boolean)).size,
    duplicatePairs,
    alternativePairs,
  };
}
