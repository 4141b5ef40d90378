import {
  ACTIONS_MAX_ATTRIBUTE_DEPTH,
  ACTIONS_MAX_ATTRIBUTE_KEYS,
  ACTIONS_MAX_ATTRIBUTES_BYTES,
} from '@agent-mesh/plugin-agent-mesh-common';
import { unstorableTextProblem } from './storableText';

/** A problem with an action's attributes, and where it is below `attributes`. */
export interface AttributeProblem {
  /** Keys and indexes below `attributes`, e.g. `['note', 't']`. */
  path: (string | number)[];
  message: string;
}

/**
 * Checks the bounds on an action's attributes (nesting depth, number of keys, size as JSON) and
 * that every key and string in them can be stored as hashed. Walks without recursion and stops
 * at the first level past the limit, so that a body nested 100,000 levels deep costs no stack.
 */
export function attributeProblem(value: unknown): AttributeProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [
    { value, path: [] },
  ];
  let keys = 0;
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node === 'string') {
      const problem = unstorableTextProblem(node);
      if (problem) {
        return { path, message: problem };
      }
      continue;
    }
    if (node === null || typeof node !== 'object') {
      continue;
    }
    // The attributes object itself is level 1.
    if (path.length >= ACTIONS_MAX_ATTRIBUTE_DEPTH) {
      return {
        path: [],
        message: `nests deeper than ${ACTIONS_MAX_ATTRIBUTE_DEPTH} levels`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    if (!Array.isArray(node)) {
      keys += entries.length;
      if (keys > ACTIONS_MAX_ATTRIBUTE_KEYS) {
        return {
          path: [],
          message: `has more than ${ACTIONS_MAX_ATTRIBUTE_KEYS} keys`,
        };
      }
      for (const [key] of entries) {
        const problem = unstorableTextProblem(key as string);
        if (problem) {
          return { path, message: `has a key that ${problem}` };
        }
      }
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > ACTIONS_MAX_ATTRIBUTES_BYTES) {
    return {
      path: [],
      message: `is ${bytes} bytes as JSON; at most ${ACTIONS_MAX_ATTRIBUTES_BYTES} bytes are allowed`,
    };
  }
  return undefined;
}

/**
 * Attributes cut down to the limits, for sources that cannot be asked to send less (OTLP
 * exporters): drops the entries that break a limit on their own, then the largest entries until
 * the rest fits. Returns the attributes kept and the names of those dropped.
 */
export function fitAttributes(attributes: Record<string, unknown>): {
  kept: Record<string, unknown>;
  dropped: string[];
} {
  const dropped: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (attributeProblem({ [key]: value })) {
      dropped.push(key);
    } else {
      kept[key] = value;
    }
  }
  // Largest last, so that they go first.
  const size = new Map(
    Object.entries(kept).map(([key, value]) => [
      key,
      JSON.stringify(value).length,
    ]),
  );
  const bySize = Object.keys(kept).sort(
    (a, b) => size.get(a)! - size.get(b)! || a.localeCompare(b),
  );
  // Room for the list of dropped names, which is added afterwards.
  while (
    bySize.length > 0 &&
    attributeProblem({ ...kept, 'otel.dropped_attributes': dropped })
  ) {
    const key = bySize.pop()!;
    delete kept[key];
    dropped.push(key);
  }
  return { kept, dropped };
}
