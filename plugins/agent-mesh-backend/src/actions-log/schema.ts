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

/**
 * One `ActionInput` (see DESIGN.md), from REST, MCP or the seed file; unknown fields are refused
 * so that typos do not pass. Ids of the OTLP form are reserved for spans, so that nobody can
 * write an action ahead of the span that will carry its id.
 */
export const actionInputSchema = z.strictObject(
  {
    ...actionFields,
    id: actionFields.id.refine(v => !v.startsWith(OTLP_ID_PREFIX), {
      error: `must not start with '${OTLP_ID_PREFIX}', which is reserved for spans from POST /v1/traces`,
    }),
  },
  { error: 'must be an object' },
);

/** An action made from an OTLP span (`otlp.ts`): as `actionInputSchema`, with an `otlp:` id. */
export const spanActionInputSchema = z.strictObject(actionFields, {
  error: 'must be an object',
});

/** Body of `POST /actions`. */
export const postActionsBodySchema = z.strictObject(
  {
    actions: z
      .array(actionInputSchema, { error: unless('must be an array') })
      .min(1, { error: 'must contain at least one action' })
      .max(ACTIONS_MAX_BATCH, {
        error: `must contain at most ${ACTIONS_MAX_BATCH} actions`,
      }),
  },
  { error: 'must be a JSON object with an actions array' },
);

export type ParsedActionInput = z.infer<typeof actionInputSchema>;

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

/** Validates a `POST /actions` body, or throws an InputError that names the first bad field. */
export function parsePostActionsBody(body: unknown): ParsedActionInput[] {
  const result = postActionsBodySchema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
    throw new InputError(`${describeIssue(issues[0])}${more}`);
  }
  return result.data.actions;
}
