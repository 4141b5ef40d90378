import { ApiEntity, EntityLink } from '@backstage/catalog-model';
import {
  McpServerJson,
  McpServerJsonPackage,
} from '@agent-mesh/plugin-agent-mesh-common';
import { toEntityName } from '../naming/entityNames';

/** A transport endpoint, in the shape of Backstage's `mcp-server` API entities. */
export type McpServerRemote = { type: string; url: string };

/** What the Location (or the config) says that a server.json does not. */
export type McpServerCatalogFields = {
  owner: string;
  lifecycle: string;
  system?: string;
  namespace: string;
};

/** `https://{host}/mcp` with the variable's default filled in; unknown variables stay. */
function fillDefaults(
  url: string,
  variables: Record<string, { default?: unknown }> | undefined,
): string {
  return url.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (whole, name) => {
    const value = variables?.[name]?.default;
    return typeof value === 'string' && value !== '' ? value : whole;
  });
}

/** A package run over stdio is named by registry, identifier and version: `npm:@acme/x@1.0.0`. */
function packageRemote(pkg: McpServerJsonPackage): McpServerRemote {
  if (pkg.transport.type !== 'stdio' && pkg.transport.url) {
    return { type: pkg.transport.type, url: pkg.transport.url };
  }
  const version = pkg.version ? `@${pkg.version}` : '';
  return {
    type: pkg.transport.type,
    url: `${pkg.registryType}:${pkg.identifier}${version}`,
  };
}

/** The server's remotes first, then one per package; each endpoint once. */
export function serverJsonRemotes(doc: McpServerJson): McpServerRemote[] {
  const all = [
    ...(doc.remotes ?? []).map(remote => ({
      type: remote.type,
      url: fillDefaults(remote.url, remote.variables),
    })),
    ...(doc.packages ?? []).map(packageRemote),
  ];
  const seen = new Set<string>();
  return all.filter(remote => {
    const key = `${remote.type} ${remote.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function links(doc: McpServerJson): EntityLink[] {
  const result: EntityLink[] = [];
  if (doc.websiteUrl) {
    result.push({ url: doc.websiteUrl, title: 'Website', type: 'website' });
  }
  if (doc.repository) {
    result.push({
      url: doc.repository.url,
      title: 'Source code',
      type: 'source',
    });
  }
  return result;
}

/**
 * The API entity of `spec.type: mcp-server` that a valid server.json describes, in the shape
 * of Backstage's own `mcp-server` API entities (`spec.remotes` of type and URL), with the
 * server.json itself as the definition. Undefined when the server's name makes no entity name.
 */
export function serverJsonToEntity(
  doc: McpServerJson,
  fields: McpServerCatalogFields,
): ApiEntity | undefined {
  const name = toEntityName(doc.name);
  if (!name) return undefined;
  const entityLinks = links(doc);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name,
      namespace: fields.namespace,
      title: doc.title ?? doc.name,
      description: doc.description,
      ...(entityLinks.length ? { links: entityLinks } : {}),
      ...(doc.repository
        ? {
            annotations: {
              'backstage.io/source-location': `url:${doc.repository.url}`,
            },
          }
        : {}),
    },
    spec: {
      type: 'mcp-server',
      lifecycle: fields.lifecycle,
      owner: fields.owner,
      ...(fields.system ? { system: fields.system } : {}),
      remotes: serverJsonRemotes(doc),
      definition: `${JSON.stringify(doc, null, 2)}\n`,
    } as ApiEntity['spec'],
  };
}
