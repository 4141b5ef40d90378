import { Entity } from '@backstage/catalog-model';

/**
 * An overlap that the owners looked at and decided to keep.
 *
 * @public
 */
export type AcknowledgedOverlap = {
  /** The other entity, e.g. `aiartifact:default/brand-b-sales-rollup`. */
  entityRef: string;
  /** Why both are kept. */
  reason: string;
};

/**
 * An AI agent or automation that acts in the organisation.
 *
 * @public
 */
export interface AgentEntityV1alpha1 extends Entity {
  apiVersion: 'agent-mesh.io/v1alpha1';
  kind: 'Agent';
  spec: {
    /** e.g. coding-agent, background-agent, assistant, workflow */
    type: string;
    /** The accountable team: a Group or User ref. */
    owner: string;
    lifecycle: string;
    /** The accountable person or group (Entra Agent ID's sponsor): a User or Group ref. */
    sponsor?: string;
    model?: string;
    provider?: string;
    system?: string;
    capabilities?: string[];
    /**
     * Ids by which the agent shows up in telemetry and identity systems: typed ids
     * (`entra:<object-id>`, `aws-agentcore:<workload-identity>`, `a2a:<agent-card-url>`,
     * `otel-service:<service.name>`, see `AGENT_EXTERNAL_ID_TYPES`) or untyped ones such as its
     * `gen_ai.agent.id` or a bot account.
     */
    externalIds?: string[];
    /** The agent's own version, e.g. from its A2A agent card. */
    version?: string;
    /** What the agent can do, e.g. the skills of its A2A agent card. */
    skills?: AgentSkill[];
    /** Where the agent can be called, e.g. the supported interfaces of its A2A agent card. */
    interfaces?: AgentInterface[];
  };
}

/**
 * Something an Agent can do (an A2A agent card's skill).
 *
 * @public
 */
export type AgentSkill = {
  id: string;
  name: string;
  description?: string;
  /** Keywords, as the card gives them. */
  tags?: string[];
  /** Example prompts or scenarios. */
  examples?: string[];
};

/**
 * An endpoint where an Agent can be called (an A2A agent card's interface).
 *
 * @public
 */
export type AgentInterface = {
  url: string;
  /** e.g. JSONRPC, GRPC, HTTP+JSON */
  protocolBinding: string;
  /** The A2A protocol version, e.g. 1.0 */
  protocolVersion?: string;
  tenant?: string;
};

/**
 * Something built with or by AI agents: an internal tool, an integration, an aggregator, a
 * dashboard, a workflow, a service.
 *
 * @public
 */
export interface AiArtifactEntityV1alpha1 extends Entity {
  apiVersion: 'agent-mesh.io/v1alpha1';
  kind: 'AiArtifact';
  spec: {
    type: string;
    owner: string;
    /** proposed, experimental, production or deprecated */
    lifecycle: string;
    /** Agent refs. */
    builtBy?: string[];
    /** One paragraph: what problem it solves, for whom. */
    purpose?: string;
    /** External systems it reads or writes, e.g. salesforce, shopify. */
    integrations?: string[];
    system?: string;
    dependsOn?: string[];
    /** User or Group refs. */
    reviewers?: string[];
    dataClassification?: string;
    acknowledgedOverlaps?: AcknowledgedOverlap[];
  };
}
