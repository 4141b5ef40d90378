import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';

/**
 * Checks that the caller is signed in (user or service) and holds the insights read permission,
 * and returns its credentials; otherwise throws (401, or 403 saying it may not read `what`).
 */
export async function authorizeInsightsRead(
  req: express.Request,
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  what: string,
): Promise<BackstageCredentials> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const [decision] = await services.permissions.authorize(
    [{ permission: agentMeshInsightsReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed to read ${what}`);
  }
  return credentials;
}
