/**
 * On a Component, API, Resource or AiResource: the comma-separated refs of the agents that built
 * it. Marks the entity as AI-built.
 *
 * @public
 */
export const ANNOTATION_BUILT_BY = 'agent-mesh.io/built-by';

/**
 * On kinds other than AiArtifact: overlaps that the owners looked at and decided to keep.
 *
 * Format: comma-separated entity refs with their kind, e.g.
 * `aiartifact:default/brand-c-product-copy-writer, component:default/sales-api`; spaces around the
 * commas are ignored, and the namespace defaults to the entity's own. Refs that cannot be parsed
 * are ignored. (AiArtifacts use `spec.acknowledgedOverlaps`, which also carries a reason; the
 * annotation is read on them too.) An overlap is acknowledged when either side names the other;
 * it stays visible in `GET /overlaps` with `acknowledged: true`, and is left out of notifications
 * and the scorecard.
 *
 * @public
 */
export const ANNOTATION_ACKNOWLEDGED_OVERLAPS =
  'agent-mesh.io/acknowledged-overlaps';

/**
 * Scorecard exemptions, reviewed like code in the entity's YAML.
 *
 * Format: a JSON list of `{ "check", "reason", "grantedBy", "expires" }`, all non-empty strings:
 * `check` is a scorecard check id (e.g. `production-review`), `grantedBy` who granted it (an
 * entity ref such as `user:default/lena-fischer`), `expires` an ISO 8601 date (`2026-12-31`,
 * valid through that day, UTC) or date-time. In YAML, write it as a block scalar:
 *
 * ```yaml
 * agent-mesh.io/exemptions: |
 *   [{ "check": "production-review", "reason": "Read-only prototype, retired in Q1",
 *      "grantedBy": "user:default/lena-fischer", "expires": "2026-12-31" }]
 * ```
 *
 * A valid, unexpired exemption turns the check's `fail` or `warn` into `exempt` (not counted in
 * the score); once expired, the check counts as `fail` again and its detail says so. Passing and
 * `na` checks are not affected. A malformed annotation (not JSON, not a list, a missing field, a
 * bad date, an unknown check id) never breaks the scorecard: the valid entries still apply and
 * the problem is reported as the failing check `exemptions-annotation`.
 *
 * @public
 */
export const ANNOTATION_EXEMPTIONS = 'agent-mesh.io/exemptions';

/**
 * On an API entity: the URL of an A2A agent card (`/.well-known/agent-card.json`, or the agent's
 * base URL). With `agentMesh.a2a.discovery.enabled`, the catalog module reads the card and
 * makes an Agent of it, owned by the API's owner. On Agents made from a card, the card's URL.
 *
 * @public
 */
export const ANNOTATION_A2A_CARD_URL = 'agent-mesh.io/a2a-card-url';

/**
 * On an API entity with {@link ANNOTATION_A2A_CARD_URL}: the owner of the Agent made from the
 * card (a Group or User ref), when it is not the API's own owner.
 *
 * @public
 */
export const ANNOTATION_A2A_OWNER = 'agent-mesh.io/a2a-owner';

/**
 * On an API entity with {@link ANNOTATION_A2A_CARD_URL}: the sponsor (a User ref) of the Agent
 * made from the card.
 *
 * @public
 */
export const ANNOTATION_A2A_SPONSOR = 'agent-mesh.io/a2a-sponsor';

/**
 * On an Agent made from an A2A agent card: why the card could not be read or is not valid. Set
 * by the catalog module's provider; its processor turns it into the entity's processing error,
 * so that the catalog keeps the last valid version of the Agent and shows the error on it.
 *
 * @public
 */
export const ANNOTATION_A2A_CARD_PROBLEM = 'agent-mesh.io/a2a-card-problem';

/**
 * On a Location of type `mcp-server-json`: the owner (a Group or User ref) of the API entities
 * made from its server.json documents.
 *
 * @public
 */
export const ANNOTATION_MCP_SERVER_OWNER = 'agent-mesh.io/mcp-server-owner';

/**
 * On a Location of type `mcp-server-json`: the lifecycle of the API entities made from its
 * server.json documents.
 *
 * @public
 */
export const ANNOTATION_MCP_SERVER_LIFECYCLE =
  'agent-mesh.io/mcp-server-lifecycle';

/**
 * On a Location of type `mcp-server-json`: the System the API entities made from its
 * server.json documents are part of.
 *
 * @public
 */
export const ANNOTATION_MCP_SERVER_SYSTEM = 'agent-mesh.io/mcp-server-system';
