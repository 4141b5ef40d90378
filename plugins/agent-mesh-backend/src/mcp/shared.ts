import {
  BackstageCredentials,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityPageUrl,
  parseValidEntityRef,
} from '@agent-mesh/plugin-agent-mesh-common';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { z } from 'zod/v3';

/**
 * Checks the caller's credentials (from the action context) against a permission, as the HTTP
 * routes do; a denial is a NotAllowedError, which MCP clients see as a tool error.
 */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed to ${what}`);
  }
}

/** Builds links to entity pages in the portal (`app.baseUrl`), for agents to show to people. */
export function createEntityLinker(config: RootConfigService) {
  const baseUrl = config.getOptionalString('app.baseUrl') ?? '';
  return (entityRef: string): string => entityPageUrl(entityRef, { baseUrl });
}

/** A full, lower-case entity ref, or an InputError that names the input field. */
export function parseRefInput(
  value: string,
  field: string,
  defaultKind: string,
): string {
  const parsed = parseValidEntityRef(value, { defaultKind });
  if (!parsed) {
    throw new InputError(
      `${field} must be an entity ref like ${defaultKind}:default/name, got '${value}'`,
    );
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/** The input fields that describe planned work, shared by find-similar-artifacts and get-build-context. */
export function plannedWorkShape(zod: typeof z, defaultLimit: number) {
  return {
    description: zod
      .string()
      .min(1)
      .max(10_000)
      .describe(
        'What you are about to build, in plain words: what it does, for whom, which data it reads and writes. Two or three sentences work best.',
      ),
    title: zod
      .string()
      .max(255)
      .optional()
      .describe('A short name for it, e.g. "Weekly sales roll-up"'),
    type: zod
      .string()
      .max(255)
      .optional()
      .describe(
        'The kind of thing: aggregator, integration, internal-tool, dashboard, workflow, service, ...',
      ),
    integrations: zod
      .array(zod.string().max(255))
      .max(100)
      .optional()
      .describe(
        'External systems it reads or writes, lower case, e.g. ["shopify", "salesforce"]',
      ),
    tags: zod.array(zod.string().max(255)).max(100).optional(),
    owner: zod
      .string()
      .max(255)
      .optional()
      .describe(
        'The team that wants to build it, e.g. group:default/marketing; matches of other teams rank first',
      ),
    limit: zod
      .number()
      .int()
      .min(1)
      .max(50)
      .default(defaultLimit)
      .describe(`How many matches to return at most (default ${defaultLimit})`),
  };
}
