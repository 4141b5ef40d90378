import { InputError } from '@backstage/errors';
import { z } from 'zod/v4';
import { ACTIONS_MAX_BATCH } from '@agent-mesh/plugin-agent-mesh-common';
import { toEntityRef } from './refs';
import { attributeProblem } from './attributeLimits';
import { unstorableTextProblem } from './storableText';

/** How far ahead of the server's clock an action may be dated (clocks differ a little). */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** The longest entity ref the log stores (its ref columns hold 255 characters). */
const MAX_REF_LENGTH = 255;

/** An error message that says "is required" when the field is missing. */
const unless = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : message;

const shortText = (max = 255) =>
  z
    .string({ error: unless('must be a string') })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .superRefine((value, ctx) => {
      const problem = unstorableTextProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem, input: value });
      }
    });

const tokenCount = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must not be negative' });

/** The id prefix of actions made from OTLP spans (`otlp:<traceId>:<spanId>`). */
export const OTLP_ID_PREFIX = 'otlp:';

/** The id prefix of the actions that record calls of the plugin's MCP tools (`mcp/toolCallLog.ts`). */
export const TOOL_CALL_ID_PREFIX = 'tool-call:';

const RESERVED_ID_PREFIXES = [
  [OTLP_ID_PREFIX, 'spans from POST /v1/traces'],
  [
    TOOL_CALL_ID_PREFIX,
    'the calls of MCP tools that the plugin records itself',
  ],
] as const;

const actionFields = {
  id: shortText(),
  occurredAt: z.iso
    .datetime({
      offset: true,
      error: unless('must be an ISO 8601 date-time with a time zone'),
    })
    // An action dated far ahead would hold up retention, which removes the oldest first.
    // (a text that is no date at all gets only the message above)
    .refine(v => !(Date.parse(v) > Date.now() + MAX_FUTURE_MS), {
      error: "must not be more than a day ahead of the server's clock",
    }),
  agent: shortText(),
  type: shortText(),
  target: shortText(2048)
    .refine(v => (toEntityRef(v)?.length ?? 0) <= MAX_REF_LENGTH, {
      error: `is an entity ref of more than ${MAX_REF_LENGTH} characters`,
    })
    .optional(),
  onBehalfOf: shortText(200)
    .refine(v => toEntityRef(v, 'user') !== undefined, {
      error: 'must be an entity ref, e.g. user:default/jane',
    })
    .optional(),
  summary: shortText(4096),
  status: shortText().optional(),
  traceId: shortText().optional(),
  spanId: shortText().optional(),
  model: shortText().optional(),
  inputTokens: tokenCount.optional(),
  outputTokens: tokenCount.optional(),
  attributes: z
    .record(z.string(), z.unknown(), { error: 'must be an object' })
    .superRefine((value, ctx) => {
      const problem = attributeProblem(value);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: problem.message,
          path: problem.path,
          input: value,
        });
      }
    })
    .optional(),
};

const reservedPrefixOf = (id: string) =>
  RESERVED_ID_PREFIXES.find(([prefix]) => id.startsWith(prefix));

/**
 * One `ActionInput` (see DESIGN.md) from MCP or the seed file; unknown fields are refused so
 * that typos do not pass. Ids of the forms the plugin makes itself (OTLP spans, tool calls) are
 * reserved, so that nobody can write an action ahead of the span that will carry its id or pass
 * one off as the plugin's own record.
 */
export const actionInputSchema = z.strictObject(
  {
    ...actionFields,
    id: actionFields.id.superRefine((id, ctx) => {
      const reserved = reservedPrefixOf(id);
      if (reserved) {
        ctx.addIssue({
          code: 'custom',
          message: `must not start with '${reserved[0]}', which is reserved for ${reserved[1]}`,
          input: id,
        });
      }
    }),
  },
  { error: 'must be an object' },
);

/**
 * One action of `POST /actions`: as `actionInputSchema`, but `agent` may be left out when the
 * caller's credentials name the acting agent (`actingParty.ts`); `ingestActions` says when not.
 */
export const postedActionInputSchema = actionInputSchema.extend({
  agent: actionFields.agent.optional(),
});

/**
 * An action the plugin makes itself, from an OTLP span (`otlp.ts`) or an MCP tool call
 * (`mcp/toolCallLog.ts`): as `actionInputSchema`, with the reserved ids allowed.
 */
export const internalActionInputSchema = z.strictObject(actionFields, {
  error: 'must be an object',
});

/** Body of `POST /actions`. */
export const postActionsBodySchema = z.strictObject(
  {
    actions: z
      .array(postedActionInputSchema, { error: unless('must be an array') })
      .min(1, { error: 'must contain at least one action' })
      .max(ACTIONS_MAX_BATCH, {
        error: `must contain at most ${ACTIONS_MAX_BATCH} actions`,
      }),
  },
  { error: 'must be a JSON object with an actions array' },
);

/** A validated action as ingest takes it: `agent` may still come from the caller. */
export type ParsedActionInput = z.infer<typeof postedActionInputSchema>;

/** A validated action that names its agent (MCP, seed file, OTLP, tool calls). */
export type ActionInputWithAgent = z.infer<typeof actionInputSchema>;

/** `actions[3].occurredAt` for the path `['actions', 3, 'occurredAt']`. */
function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out +=
      typeof part === 'number'
        ? `[${part}]`
        : `${out ? '.' : ''}${String(part)}`;
  }
  return out || 'body';
}

/** One zod issue as `field message`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${where} has unknown field(s) ${issue.keys
      .map(k => `'${k}'`)
      .join(', ')}`;
  }
  return `${where} ${issue.message}`;
}

/** How many problems an error message names before it only counts the rest. */
const NAMED_PROBLEMS = 5;

/**
 * Validates a `POST /actions` body, or throws an InputError that names the bad fields (the first
 * five, and how many more there are).
 */
export function parsePostActionsBody(body: unknown): ParsedActionInput[] {
  const result = postActionsBodySchema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues;
    const named = issues.slice(0, NAMED_PROBLEMS).map(describeIssue).join('; ');
    const rest = issues.length - NAMED_PROBLEMS;
    const more = rest > 0 ? ` (and ${rest} more problem(s))` : '';
    throw new InputError(`${named}${more}`);
  }
  return result.data.actions;
}
