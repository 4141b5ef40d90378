import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The plugin's OpenAPI document, parsed. */
export function loadOpenApiDocument(): Record<string, any> {
  return parse(readFileSync(join(__dirname, '../openapi.yaml'), 'utf8'));
}

/** Every `$ref` value in the document, with where it sits. */
export function collectRefs(
  node: unknown,
  at = '#',
): Array<{ ref: string; at: string }> {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => collectRefs(item, `${at}/${i}`));
  }
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ ref: value, at }]
      : collectRefs(value, `${at}/${key}`),
  );
}

/** Follows a local JSON pointer (`#/components/schemas/Action`); undefined if it leads nowhere. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>(
      (node, part) =>
        node !== null && typeof node === 'object' && part in node
          ? node[part]
          : undefined,
      document,
    );
}

/** `GET /overlaps` for each operation of the document. */
export function documentedRoutes(document: Record<string, any>): string[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  return Object.entries(document.paths as Record<string, object>)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter(key => methods.includes(key))
        .map(method => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}
