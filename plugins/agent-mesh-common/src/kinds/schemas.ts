import { AGENT_MESH_LIFECYCLES } from './constants';

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const listOfStrings = {
  type: 'array',
  items: nonEmptyString,
} as const;
const uniqueListOfStrings = { ...listOfStrings, uniqueItems: true } as const;

const envelope = {
  apiVersion: { enum: ['agent-mesh.io/v1alpha1'] },
  metadata: { type: 'object' },
} as const;

/**
 * JSON Schema (draft-07) of the Agent kind, for editors and pipelines. The catalog module and the
 * command-line validator check entities against it.
 *
 * @public
 */
export const agentEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'AgentV1alpha1',
  description:
    'An AI agent or automation that acts in the organisation: a coding agent, a background agent, an assistant, a workflow.',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    ...envelope,
    kind: { enum: ['Agent'] },
    spec: {
      type: 'object',
      required: ['type', 'owner', 'lifecycle'],
      properties: {
        type: { ...nonEmptyString, examples: ['coding-agent', 'assistant'] },
        owner: { ...nonEmptyString, description: 'Group or User ref' },
        lifecycle: { enum: [...AGENT_MESH_LIFECYCLES] },
        sponsor: {
          ...nonEmptyString,
          description: 'The accountable person or group: a User or Group ref',
        },
        model: nonEmptyString,
        provider: nonEmptyString,
        system: { ...nonEmptyString, description: 'System ref' },
        capabilities: uniqueListOfStrings,
        externalIds: {
          ...uniqueListOfStrings,
          description:
            'Ids by which the agent shows up in telemetry and identity systems: typed (entra:<object-id>, aws-agentcore:<workload-identity>, a2a:<agent-card-url>, otel-service:<service.name>) or untyped',
        },
        version: { ...nonEmptyString, description: "The agent's own version" },
        skills: {
          type: 'array',
          description:
            'What the agent can do, e.g. the skills of its A2A agent card',
          items: {
            type: 'object',
            required: ['id', 'name'],
            properties: {
              id: nonEmptyString,
              name: nonEmptyString,
              description: { type: 'string' },
              tags: listOfStrings,
              examples: { type: 'array', items: { type: 'string' } },
            },
          },
        },
        interfaces: {
          type: 'array',
          description:
            'Where the agent can be called, e.g. the supported interfaces of its A2A agent card',
          items: {
            type: 'object',
            required: ['url', 'protocolBinding'],
            properties: {
              url: nonEmptyString,
              protocolBinding: {
                ...nonEmptyString,
                examples: ['JSONRPC', 'GRPC', 'HTTP+JSON'],
              },
              protocolVersion: nonEmptyString,
              tenant: nonEmptyString,
            },
          },
        },
      },
    },
  },
} as const;

/**
 * JSON Schema (draft-07) of the AiArtifact kind.
 *
 * @public
 */
export const aiArtifactEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'AiArtifactV1alpha1',
  description:
    'Something built with or by AI agents: an internal tool, an integration, an aggregator, a dashboard, a workflow, a service.',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    ...envelope,
    kind: { enum: ['AiArtifact'] },
    spec: {
      type: 'object',
      required: ['type', 'owner', 'lifecycle'],
      properties: {
        type: { ...nonEmptyString, examples: ['aggregator', 'integration'] },
        owner: { ...nonEmptyString, description: 'Group or User ref' },
        lifecycle: { enum: [...AGENT_MESH_LIFECYCLES] },
        builtBy: { ...uniqueListOfStrings, description: 'Agent refs' },
        purpose: nonEmptyString,
        integrations: uniqueListOfStrings,
        system: { ...nonEmptyString, description: 'System ref' },
        dependsOn: { ...uniqueListOfStrings, description: 'entity refs' },
        reviewers: {
          ...uniqueListOfStrings,
          description: 'User or Group refs',
        },
        dataClassification: nonEmptyString,
        acknowledgedOverlaps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['entityRef', 'reason'],
            properties: { entityRef: nonEmptyString, reason: nonEmptyString },
          },
        },
      },
    },
  },
} as const;
