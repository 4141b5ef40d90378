import { basename } from 'node:path';

/**
 * Whether a document is an MCP server.json rather than a catalog entity: its `$schema` is the
 * MCP registry's server schema, or its file is named `server.json` or `<something>.server.json`
 * (the names the registry's publisher and the `mcp-server-json` location type use).
 */
export function isServerJsonDocument(file: string, value: unknown): boolean {
  const name = basename(file).toLocaleLowerCase('en-US');
  if (name === 'server.json' || name.endsWith('.server.json')) return true;
  const schema =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { $schema?: unknown }).$schema
      : undefined;
  return (
    typeof schema === 'string' &&
    /modelcontextprotocol\.io\/.*server\.schema\.json$/.test(schema)
  );
}
