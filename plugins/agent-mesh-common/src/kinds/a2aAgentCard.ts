import {
  createDocumentAjv,
  describeSchemaErrors,
  EntityValidationProblem,
} from './schemaProblems';

/**
 * The result of checking a document that Agent Mesh reads from outside the catalog (an A2A agent
 * card, an MCP server.json): the typed document, or every problem with it, each naming the field.
 *
 * @public
 */
export type DocumentValidationResult<T> =
  | { ok: true; value: T; errors: [] }
  | { ok: false; errors: EntityValidationProblem[] };

/**
 * A skill in an A2A agent card.
 *
 * @public
 */
export type A2aAgentSkill = {
  id: string;
  name: string;
  description: string;
  tags: string[];
  examples?: string[];
  inputModes?: string[];
  outputModes?: string[];
};

/**
 * The fields of an A2A agent card (`/.well-known/agent-card.json`) that Agent Mesh reads. Cards
 * of A2A 1.0 list `supportedInterfaces`; cards of 0.3 give `url`, `preferredTransport` and
 * `additionalInterfaces` instead, and both are accepted.
 *
 * @public
 */
export type A2aAgentCard = {
  name: string;
  description: string;
  version: string;
  supportedInterfaces?: {
    url: string;
    protocolBinding: string;
    protocolVersion: string;
    tenant?: string;
  }[];
  /** A2A 0.3: the preferred endpoint. */
  url?: string;
  /** A2A 0.3: the transport of `url` (JSONRPC when absent). */
  preferredTransport?: string;
  /** A2A 0.3: the protocol version of the card. */
  protocolVersion?: string;
  /** A2A 0.3: further endpoints. */
  additionalInterfaces?: { url: string; transport: string }[];
  provider?: { organization: string; url: string };
  documentationUrl?: string;
  iconUrl?: string;
  capabilities: Record<string, unknown>;
  securitySchemes?: Record<string, unknown>;
  defaultInputModes: string[];
  defaultOutputModes: string[];
  skills: A2aAgentSkill[];
};

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const httpUrl = { type: 'string', format: 'http-url' } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * JSON Schema (draft-07) of what Agent Mesh requires of an A2A agent card: the fields the A2A
 * specification marks as required, with the types it gives them.
 *
 * @public
 */
export const a2aAgentCardSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'AgentMeshA2aAgentCard',
  type: 'object',
  required: [
    'name',
    'description',
    'version',
    'capabilities',
    'defaultInputModes',
    'defaultOutputModes',
    'skills',
  ],
  properties: {
    name: nonEmptyString,
    description: { type: 'string' },
    version: nonEmptyString,
    supportedInterfaces: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['url', 'protocolBinding', 'protocolVersion'],
        properties: {
          url: httpUrl,
          protocolBinding: nonEmptyString,
          protocolVersion: nonEmptyString,
          tenant: { type: 'string' },
        },
      },
    },
    url: httpUrl,
    preferredTransport: nonEmptyString,
    protocolVersion: nonEmptyString,
    additionalInterfaces: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url', 'transport'],
        properties: { url: httpUrl, transport: nonEmptyString },
      },
    },
    provider: {
      type: 'object',
      required: ['organization', 'url'],
      properties: { organization: nonEmptyString, url: httpUrl },
    },
    documentationUrl: httpUrl,
    iconUrl: httpUrl,
    capabilities: { type: 'object' },
    securitySchemes: { type: 'object' },
    securityRequirements: { type: 'array' },
    defaultInputModes: strings,
    defaultOutputModes: strings,
    skills: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'description', 'tags'],
        properties: {
          id: nonEmptyString,
          name: nonEmptyString,
          description: { type: 'string' },
          tags: { type: 'array', items: nonEmptyString },
          examples: strings,
          inputModes: strings,
          outputModes: strings,
        },
      },
    },
  },
} as const;

const validateCardSchema = createDocumentAjv().compile(a2aAgentCardSchema);

/** Messages start with this, e.g. "A2A agent card skills[0].tags is required". */
const SUBJECT = 'A2A agent card';

/**
 * Checks an A2A agent card (the parsed JSON) against what Agent Mesh requires of it. Every
 * problem names its field, e.g. `A2A agent card skills[1].id is required`.
 *
 * @public
 */
export function validateA2aAgentCard(
  card: unknown,
): DocumentValidationResult<A2aAgentCard> {
  const errors = validateCardSchema(card)
    ? []
    : describeSchemaErrors(SUBJECT, validateCardSchema.errors, '');
  const fields = card as Record<string, unknown> | null;
  if (
    typeof fields === 'object' &&
    fields !== null &&
    !Array.isArray(fields) &&
    fields.supportedInterfaces === undefined &&
    fields.url === undefined
  ) {
    errors.push({
      path: 'supportedInterfaces',
      message: `${SUBJECT} supportedInterfaces is required (or url, in a card of A2A 0.3)`,
    });
  }
  return errors.length === 0
    ? { ok: true, value: card as A2aAgentCard, errors: [] }
    : { ok: false, errors };
}
