import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  agentMesh?: {
    /** Settings for the local demo portal only. */
    demo?: {
      /**
       * Allow `backend.auth.externalAccess` to accept the public demo token
       * `agent-mesh-demo-mcp-token`. Without this the backend refuses to start with it.
       * Default false; never set it outside a local demo.
       */
      allowPublicToken?: boolean;
    };
    /**
     * Overlap detection: which entities are compared, how matches are scored, and how often the
     * overlap index is reconciled with the catalog.
     */
    overlap?: {
      /**
       * Kinds other than AiArtifact that take part when they carry the
       * `agent-mesh.io/built-by` annotation or one of `types`. AiArtifacts always take part.
       * Default: Component, API, AiResource.
       */
      kinds?: string[];
      /**
       * `spec.type` values that make an entity of `kinds` take part even without the built-by
       * annotation, e.g. `dashboard`. Default: `mcp-server` (the `API` entities of Backstage's
       * AI model module and of `server.json` imports: two teams running MCP servers for the
       * same system overlap). `[]` for none.
       */
      types?: string[];
      /**
       * Matches at or above this score (0..1) are overlaps: listed by `GET /overlaps`,
       * `POST /similar` and notified. Default 0.3.
       */
      threshold?: number;
      /**
       * At most this many matches per entity in `GET /overlaps`, and the default `limit` of
       * `POST /similar` (1..100). Default 10.
       */
      maxResults?: number;
      /**
       * Every overlap is a `duplicate` (the same product integrated twice, or the same job
       * where at most one side is tied to a product) or an `alternative` (the same job done
       * with different products). An alternative's score is its strength times this (0..1),
       * so that it ranks below a duplicate of the same strength. Default 0.99: a smaller
       * factor also drops alternatives below the threshold (see the overlap-quality bench).
       */
      alternativeFactor?: number;
      /**
       * How far one piece of evidence alone can raise a pair's score (each 0..1). Extra signals
       * added by backend modules take their weight from the key of their id, or their own default.
       */
      weights?: {
        /** TF-IDF cosine of title, description and purpose. Default 1. */
        text?: number;
        /** Shared declared integrations, weighted by how rare each system is. Default 0.6. */
        integrations?: number;
        /**
         * Integrations of different systems that do the same kind of job (e.g. Sentry and
         * Rollbar). Default 0.15: the kind of job of a known system also counts in the text.
         */
        systemCategories?: number;
        /** Shared dependencies and APIs, weighted by rarity. Default 0.5. */
        dependencies?: number;
        /** Shared tags, weighted by rarity. Default 0.3. */
        tags?: number;
        /** The same spec.type, weighted by rarity. Default 0.15. */
        type?: number;
        /** Weights of extra signals, by signal id. */
        [signalId: string]: number | undefined;
      };
      /**
       * The schedule of the reconcile with the catalog (a global task: one replica runs it).
       * When given, `frequency` and `timeout` are required. Default: every 2 minutes, timeout 30
       * minutes, first run 15 seconds after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      notifications?: {
        /**
         * Send each owning team one Backstage notification when a new cross-team overlap
         * above the threshold, not acknowledged, appears. Default true.
         */
        enabled?: boolean;
      };
    };
    /**
     * The agent action log.
     */
    actions?: {
      /**
       * An NDJSON file of actions (one `ActionInput` per line, as `POST /actions` takes them),
       * loaded into the log when the backend starts, once the catalog knows the agents it names
       * by entity ref (or after two minutes). Idempotent on the actions' ids: a second start
       * writes nothing twice. A missing file or a bad line stops the start with the file and
       * line. Relative paths are resolved from the backend's working directory. Meant for demos.
       */
      seedFile?: string;
      /**
       * Ed25519 signatures on the action log's checkpoints, so that someone who can write to
       * the database but does not hold the key cannot rewrite the log unseen (up to the newest
       * signed checkpoint). Without a private key checkpoints are unsigned and verification
       * says so.
       */
      signing?: {
        /**
         * The Ed25519 private key in PEM (PKCS#8), e.g. from
         * `openssl genpkey -algorithm ed25519`. Give it through an environment variable or a
         * secret file, never in a committed file.
         * @visibility secret
         */
        privateKey?: string;
        /**
         * Refuse to start without `privateKey` (set in production, so that a missing secret
         * stops the backend instead of leaving the log unsigned). Default false.
         */
        required?: boolean;
        /**
         * Public keys (PEM, SPKI) of earlier signing keys, so that the checkpoints they signed
         * still verify after a key change.
         */
        previousPublicKeys?: string[];
        /**
         * How often a signed head checkpoint of the newest action is written (a global task:
         * one replica runs it), when the log moved on. When given, `frequency` and `timeout`
         * are required. Default: every 10 minutes, timeout 5 minutes, first run 30 seconds after
         * start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /**
       * Removal of old actions. Without it, actions are kept for ever.
       */
      retention?: {
        /**
         * Actions that occurred longer ago than this (on the calendar) are removed, oldest
         * first and only as a prefix of the chain; a signed retention checkpoint keeps the rest
         * verifiable. At least six months (`{ months: 6 }`, the EU AI Act's minimum for the
         * logs of high-risk AI systems, Art. 19 and 26(6)); shorter is refused at start unless
         * `allowUnderSixMonths` is set. E.g. `{ years: 1 }`.
         */
        maxAge: HumanDuration | string;
        /**
         * Allow a `maxAge` under six months, for logs that the AI Act's record-keeping does not
         * cover. Default false.
         */
        allowUnderSixMonths?: boolean;
        /**
         * How often retention runs (a global task: one replica runs it). When given,
         * `frequency` and `timeout` are required. Default: every hour, timeout 30 minutes,
         * first run one minute after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /**
     * Governance scorecards for Agents, AiArtifacts and entities with the `agent-mesh.io/built-by`
     * annotation. Score 0..100: the weighted share of passing checks among the applicable ones
     * (`warn` counts half; `exempt` and `na` are not counted).
     */
    scorecards?: {
      /**
       * Which entities get a scorecard at all (among Agents and AI-built entities). Every given
       * field must match, case-insensitively; each takes a string or a list. Default: all.
       */
      appliesTo?: {
        kind?: string | string[];
        type?: string | string[];
        lifecycle?: string | string[];
      };
      /**
       * Per-check settings by check id. Built-in ids: `owner-team`, `built-by-agents`,
       * `agent-sponsor`, `description-purpose`, `lifecycle`, `production-review`,
       * `no-unacknowledged-overlap`, `recent-activity`, `source-or-docs`; custom checks from
       * backend modules use their own ids. Unknown ids are refused at startup.
       */
      checks?: {
        [checkId: string]: {
          /** Set false to drop the check. Default true. */
          enabled?: boolean;
          /** Weight in the score (0..100). Default: the check's own (built-ins 1 to 3). */
          weight?: number;
          /** The entities the check applies to; every given field must match. Default: all. */
          appliesTo?: {
            kind?: string | string[];
            type?: string | string[];
            lifecycle?: string | string[];
          };
        };
      };
      /**
       * Levels by minimum score (0..100); an entity gets the highest level it reaches, or none.
       * Default: Bronze 50, Silver 75, Gold 90.
       */
      levels?: Array<{
        name: string;
        minScore: number;
      }>;
      /**
       * Days without an action in the action log after which `recent-activity` warns that the
       * entity may be abandoned. Default 30.
       */
      activityWindowDays?: number;
      /** Days of scorecard history kept; older results are pruned by the job. Default 365. */
      historyDays?: number;
      /**
       * The schedule of the evaluation job `agent-mesh-scorecards` (a global task: one replica
       * runs it). When given, `frequency` and `timeout` are required. Default: every hour,
       * timeout 15 minutes, first run 1 minute after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
