import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  PostSimilarRequest,
  SIMILAR_MAX_LIMIT,
} from '@agent-mesh/plugin-agent-mesh-common';
import { z } from 'zod/v4';

const optionalText = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, { error: `must be at most ${max} characters` })
    .optional();

const stringList = z
  .array(
    z
      .string({ error: 'must be a string' })
      .max(255, { error: 'must be at most 255 characters' }),
    { error: 'must be an array of strings' },
  )
  .max(100, { error: 'must have at most 100 entries' })
  .optional();

/** Body of `POST /similar`. */
export const postSimilarBodySchema = z.object(
  {
    title: optionalText(255),
    description: z
      .string({
        error: issue =>
          issue.input === undefined ? 'is required' : 'must be a string',
      })
      .max(10_000, { error: 'must be at most 10000 characters' })
      .refine(v => v.trim().length > 0, { error: 'must not be empty' }),
    type: optionalText(255),
    tags: stringList,
    integrations: stringList,
    owner: optionalText(255),
    limit: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: `must be from 1 to ${SIMILAR_MAX_LIMIT}` })
      .max(SIMILAR_MAX_LIMIT, {
        error: `must be from 1 to ${SIMILAR_MAX_LIMIT}`,
      })
      .optional(),
  },
  { error: 'must be a JSON object' },
);

/** Validates a `POST /similar` body, or throws an InputError that names the first bad field. */
export function parseSimilarBody(body: unknown): PostSimilarRequest {
  const result = postSimilarBodySchema.safeParse(body);
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue.path.length ? issue.path.join('.') : 'body';
    throw new InputError(`${where} ${issue.message}`);
  }
  return result.data;
}

/** The `entityRef` query parameter as a full entity ref, or an InputError that names it. */
export function parseEntityRefParam(value: unknown): string {
  if (value === undefined || value === '') {
    throw new InputError("Missing query parameter 'entityRef'");
  }
  if (typeof value !== 'string') {
    throw new InputError("Query parameter 'entityRef' must be given once");
  }
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch {
    throw new InputError(
      `Query parameter 'entityRef' must be an entity ref like kind:namespace/name, got '${value}'`,
    );
  }
}
