import { DocumentValidationResult } from './a2aAgentCard';
import {
  createDocumentAjv,
  describeSchemaErrors,
  EntityValidationProblem,
} from './schemaProblems';

/**
 * A transport in an MCP server.json: how a client talks to the server.
 *
 * @public
 */
export type McpServerJsonTransport = {
  type: 'stdio' | 'streamable-http' | 'sse';
  /** A URL, or a template with `{variables}`; absent for stdio. */
  url?: string;
  headers?: { name: string; [field: string]: unknown }[];
};

/**
 * A package in an MCP server.json: the server distributed through a package registry.
 *
 * @public
 */
export type McpServerJsonPackage = {
  /** e.g. npm, pypi, oci, nuget, mcpb */
  registryType: string;
  identifier: string;
  version?: string;
  registryBaseUrl?: string;
  runtimeHint?: string;
  transport: McpServerJsonTransport;
};

/**
 * A remote in an MCP server.json: a hosted endpoint of the server.
 *
 * @public
 */
export type McpServerJsonRemote = {
  type: 'streamable-http' | 'sse';
  url: string;
  headers?: { name: string; [field: string]: unknown }[];
  /** Values for the `{variables}` in `url`. */
  variables?: Record<string, { default?: string; [field: string]: unknown }>;
};

/**
 * The fields of an MCP server.json (the MCP registry's format) that Agent Mesh reads.
 *
 * @public
 */
export type McpServerJson = {
  $schema?: string;
  /** Reverse-DNS name with one slash, e.g. `io.github.acme/weather`. */
  name: string;
  description: string;
  version: string;
  title?: string;
  websiteUrl?: string;
  repository?: {
    url: string;
    source: string;
    id?: string;
    subfolder?: string;
  };
  packages?: McpServerJsonPackage[];
  remotes?: McpServerJsonRemote[];
  _meta?: Record<string, unknown>;
};

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const headers = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    properties: { name: nonEmptyString },
  },
} as const;

/**
 * JSON Schema (draft-07) of what Agent Mesh requires of an MCP server.json: the fields and
 * limits of the MCP registry's server.json schema that the catalog entity is made from.
 *
 * @public
 */
export const mcpServerJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'AgentMeshMcpServerJson',
  type: 'object',
  required: ['name', 'description', 'version'],
  properties: {
    $schema: { type: 'string' },
    name: {
      type: 'string',
      minLength: 3,
      maxLength: 200,
      pattern: '^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$',
    },
    description: { type: 'string', minLength: 1, maxLength: 100 },
    version: { ...nonEmptyString, maxLength: 255 },
    title: { type: 'string', minLength: 1, maxLength: 100 },
    websiteUrl: { type: 'string', format: 'http-url' },
    repository: {
      type: 'object',
      required: ['url', 'source'],
      properties: {
        url: { type: 'string', format: 'http-url' },
        source: nonEmptyString,
        id: { type: 'string' },
        subfolder: { type: 'string' },
      },
    },
    packages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['registryType', 'identifier', 'transport'],
        properties: {
          registryType: nonEmptyString,
          identifier: nonEmptyString,
          version: { ...nonEmptyString, maxLength: 255 },
          registryBaseUrl: { type: 'string', format: 'http-url' },
          runtimeHint: { type: 'string' },
          transport: {
            type: 'object',
            required: ['type'],
            properties: {
              type: { enum: ['stdio', 'streamable-http', 'sse'] },
              url: { type: 'string', format: 'url-template' },
              headers,
            },
            if: {
              required: ['type'],
              properties: { type: { enum: ['streamable-http', 'sse'] } },
            },
            then: { required: ['url'] },
          },
        },
      },
    },
    remotes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'url'],
        properties: {
          type: { enum: ['streamable-http', 'sse'] },
          url: { type: 'string', format: 'url-template' },
          headers,
          variables: { type: 'object' },
        },
      },
    },
    _meta: { type: 'object' },
  },
} as const;

const validateServerJsonSchema =
  createDocumentAjv().compile(mcpServerJsonSchema);

const SUBJECT = 'server.json';

/** `^1.2.3`, `~1.2.3`, `>=1.2.3`, `1.x`, `1.*`, `latest`: not a specific version. */
function isVersionRange(version: string): boolean {
  return (
    version === 'latest' ||
    /^[\^~<>=]/.test(version) ||
    /(^|\.)[xX*](\.|$)/.test(version) ||
    /\s-\s|\|\|/.test(version)
  );
}

function extraProblems(doc: Record<string, any>): EntityValidationProblem[] {
  const problems: EntityValidationProblem[] = [];
  const specificVersion = (path: string, version: unknown) => {
    if (typeof version === 'string' && isVersionRange(version)) {
      problems.push({
        path,
        message: `${SUBJECT} ${path} "${version}" must be a specific version, not a range or "latest"`,
      });
    }
  };
  specificVersion('version', doc.version);
  if (Array.isArray(doc.packages)) {
    doc.packages.forEach((pkg: any, i: number) =>
      specificVersion(`packages[${i}].version`, pkg?.version),
    );
  }
  const listed = (field: unknown) => Array.isArray(field) && field.length > 0;
  if (!listed(doc.remotes) && !listed(doc.packages)) {
    problems.push({
      path: 'remotes',
      message: `${SUBJECT} must list at least one of remotes or packages, so that the catalog knows how to reach the server`,
    });
  }
  return problems;
}

/**
 * Checks an MCP server.json (the parsed JSON) against the MCP registry's rules for the fields
 * Agent Mesh reads, and that it lists at least one remote or package. Every problem names its
 * field, e.g. `server.json remotes[0].url is required`.
 *
 * @public
 */
export function validateMcpServerJson(
  doc: unknown,
): DocumentValidationResult<McpServerJson> {
  const errors = validateServerJsonSchema(doc)
    ? []
    : describeSchemaErrors(SUBJECT, validateServerJsonSchema.errors, '');
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    errors.push(...extraProblems(doc as Record<string, any>));
  }
  return errors.length === 0
    ? { ok: true, value: doc as McpServerJson, errors: [] }
    : { ok: false, errors };
}
