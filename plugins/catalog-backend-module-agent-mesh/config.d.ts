import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  agentMesh?: {
    /**
     * Overlap detection. The agent-mesh backend plugin owns the overlap index and reads the rest
     * of this section; the catalog module reads the keys below.
     */
    overlap?: {
      /**
       * Kinds other than AiArtifact that take part in overlap detection when they carry the
       * `agent-mesh.io/built-by` annotation or one of `types`; AiArtifacts always take part.
       * The same key, with the same meaning, as the agent-mesh backend's: the catalog module
       * asks the backend for the overlaps of these entities only. Default: Component, API,
       * AiResource.
       */
      kinds?: string[];
      /**
       * `spec.type` values that make an entity of `kinds` take part even without the built-by
       * annotation. The same key as the agent-mesh backend's. Default: none.
       */
      types?: string[];
      /**
       * The catalog processor that asks the agent-mesh backend (`GET /api/agent-mesh/overlaps`)
       * for each eligible entity's overlaps and emits `overlapsWith` relations in both
       * directions.
       */
      processor?: {
        /**
         * Set false to leave overlap relations out of the catalog (the kinds and their other
         * relations are not affected). Default true.
         */
        enabled?: boolean;
        /**
         * `overlapsWith` stands for duplicate work (the same product, or the same job where at
         * most one side is tied to a product). Set true to emit it for alternatives too (the
         * same job done with different products). Default false.
         */
        includeAlternatives?: boolean;
        /**
         * How long the answer for one entity is reused before the backend is asked again.
         * Default: the catalog's processing interval (`catalog.processingInterval`, 100 s
         * unless set), at most five minutes.
         */
        cacheTtl?: HumanDuration | string;
      };
    };
    /**
     * Agents from A2A agent cards. Each card (`/.well-known/agent-card.json`) becomes an Agent
     * entity, read again on `schedule`. Without this key the module reads no cards.
     */
    a2a?: {
      /** The cards to read. */
      cards?: Array<{
        /**
         * The card's URL, or the agent's host (`https://agent.example.com`), whose card is at
         * `/.well-known/agent-card.json`.
         */
        url: string;
        /** The accountable team of the Agent: a Group or User ref. */
        owner: string;
        /** The accountable person: a User ref. */
        sponsor?: string;
        /** proposed, experimental, production or deprecated. Default production. */
        lifecycle?: string;
        /** The Agent's spec.type. Default a2a-agent. */
        type?: string;
        /** A System ref for spec.system. */
        system?: string;
        /** The entity namespace. Default default. */
        namespace?: string;
        /** The entity name; by default the card's name, made a valid entity name. */
        name?: string;
      }>;
      /** More cards from API entities that name one in an annotation. */
      discovery?: {
        /**
         * Read the cards that API entities name. The Agent is owned by the API's owner (or
         * `agent-mesh.io/a2a-owner`), its sponsor is `agent-mesh.io/a2a-sponsor`, and it takes
         * the API's namespace, system and lifecycle. Default false.
         */
        enabled?: boolean;
        /** The annotation with the card's URL. Default agent-mesh.io/a2a-card-url. */
        annotation?: string;
      };
      /** When the cards are read. Default every 30 minutes, with a timeout of 5 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How long one card may take to arrive. Default 10 seconds. */
      timeout?: HumanDuration | string;
      /** The largest card read, in bytes. Default 1048576 (1 MiB). */
      maxCardBytes?: number;
    };
    /**
     * API entities of `spec.type: mcp-server` from MCP server.json documents, through locations
     * of type `mcp-server-json`. A Location's annotations `agent-mesh.io/mcp-server-owner`,
     * `agent-mesh.io/mcp-server-lifecycle` and `agent-mesh.io/mcp-server-system` come first.
     */
    mcpServerJson?: {
      /** The owner (a Group or User ref) of APIs from Locations without the owner annotation. */
      defaultOwner?: string;
      /** The lifecycle of APIs from Locations without the lifecycle annotation. Default production. */
      defaultLifecycle?: string;
    };
  };
}
