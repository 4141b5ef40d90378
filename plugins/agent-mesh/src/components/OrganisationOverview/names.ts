/** The name part of an entity ref: `group:default/brand-a` -> `brand-a`. */
export function shortName(ref: string): string {
  return ref.slice(Math.max(ref.lastIndexOf('/'), ref.indexOf(':')) + 1);
}

/** "1 agent", "2 agents". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
