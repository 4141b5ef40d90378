/**
 * The types of the typed ids an Agent may list in `spec.externalIds`, as `<type>:<id>`:
 *
 * - `entra`: the object id (a GUID) of the agent's identity in Microsoft Entra (Agent ID);
 * - `aws-agentcore`: the agent's workload identity in AWS Bedrock AgentCore, by name or ARN;
 * - `a2a`: the agent as an A2A (Agent2Agent) server, e.g. the URL of its agent card;
 * - `otel-service`: the `service.name` its OpenTelemetry spans carry.
 *
 * Ids without one of these types before their first colon are untyped and taken as written
 * (`brand-a-bot`, `arn:aws:iam::...`, `spiffe://...`).
 *
 * @public
 */
export const AGENT_EXTERNAL_ID_TYPES = [
  'entra',
  'aws-agentcore',
  'a2a',
  'otel-service',
] as const;

/**
 * One of `AGENT_EXTERNAL_ID_TYPES`.
 *
 * @public
 */
export type AgentExternalIdType = (typeof AGENT_EXTERNAL_ID_TYPES)[number];

/**
 * A typed external id split into its type and the id within that type.
 *
 * @public
 */
export interface TypedExternalId {
  type: AgentExternalIdType;
  id: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AGENTCORE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const AGENTCORE_ARN =
  /^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]*:\d{12}:\S+$/;

/** What the id part of each type must look like, in words for messages. */
const ID_RULES: Record<
  AgentExternalIdType,
  { valid(id: string): boolean; expected: string }
> = {
  entra: {
    valid: id => GUID.test(id),
    expected: 'the object id of the agent identity, a GUID',
  },
  'aws-agentcore': {
    valid: id => AGENTCORE_NAME.test(id) || AGENTCORE_ARN.test(id),
    expected:
      'a workload identity name (letters, digits, ".", "_", "-") or its arn:aws:bedrock-agentcore:... ARN',
  },
  a2a: {
    valid: id => !/\s/.test(id),
    expected: 'the agent card URL or agent name, without spaces',
  },
  'otel-service': {
    valid: id => id.trim() === id,
    expected: 'the service.name, without leading or trailing spaces',
  },
};

/**
 * The type and id of a typed external id (`entra:<guid>`; the type matched without regard to
 * case), or undefined for an untyped one.
 *
 * @public
 */
export function parseTypedExternalId(
  value: string,
): TypedExternalId | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0) {
    return undefined;
  }
  const type = value.slice(0, colon).toLocaleLowerCase('en-US');
  if (!(AGENT_EXTERNAL_ID_TYPES as readonly string[]).includes(type)) {
    return undefined;
  }
  return { type: type as AgentExternalIdType, id: value.slice(colon + 1) };
}

/**
 * Why `value` is not a well-formed typed external id (e.g. `entra:` with no GUID after it), or
 * undefined when it is well formed or untyped.
 *
 * @public
 */
export function typedExternalIdProblem(value: string): string | undefined {
  const typed = parseTypedExternalId(value);
  if (!typed) {
    return undefined;
  }
  const rule = ID_RULES[typed.type];
  if (typed.id === '') {
    return `names the type ${typed.type} but no id after it; expected ${rule.expected}`;
  }
  if (!rule.valid(typed.id)) {
    return `is not a valid ${typed.type} id; expected ${rule.expected}`;
  }
  return undefined;
}
