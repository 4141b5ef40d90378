// The two labelled sets of the overlap-quality bench and what their labels say about a pair
// (see LABELLING.md): nothing across groups; within a group `duplicate` or `alternative` by the
// items' products, in the issue's reading or the strict one (`pairLabel`).
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

/**
 * `duplicate`: duplicate pairs only, by the definition ("the same product, or the same
 * job whatever backs it": one side without a product is still the same job); `duplicate-strict`:
 * duplicate pairs as first labelled (only when both sides have the same product or neither has
 * one); `any`: duplicates and alternatives. See LABELLING.md, "Two readings of duplicate".
 */
export type Tier = 'duplicate' | 'duplicate-strict' | 'any';
export const TIERS: Tier[] = ['duplicate', 'duplicate-strict', 'any'];

export type PairLabel = 'duplicate' | 'alternative' | null;

/**
 * The label of a pair: nothing across groups; within a group, `duplicate` when the products are
 * equal (both none included) or, except in the strict reading, when one side has none;
 * `alternative` when both have products and they differ.
 */
export function pairLabel(
  a: Item,
  b: Item,
  tier: Tier = 'duplicate',
): PairLabel {
  if (a.id === b.id || a.group === null || a.group !== b.group) return null;
  if (a.product === b.product) return 'duplicate';
  if (tier !== 'duplicate-strict' && (a.product === null || b.product === null))
    return 'duplicate';
  return 'alternative';
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
  const count = (tier: Tier, label: PairLabel) => {
    let n = 0;
    items.forEach((a, i) =>
      items.slice(i + 1).forEach(b => {
        if (pairLabel(a, b, tier) === label) n++;
      }),
    );
    return n;
  };
  return {
    items: items.length,
    groups: new Set(items.map(i => i.group).filter(Boolean)).size,
    duplicatePairs: count('duplicate', 'duplicate'),
    alternativePairs: count('duplicate', 'alternative'),
    strictDuplicatePairs: count('duplicate-strict', 'duplicate'),
    strictAlternativePairs: count('duplicate-strict', 'alternative'),
  };
}
