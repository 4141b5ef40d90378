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
  };
}
