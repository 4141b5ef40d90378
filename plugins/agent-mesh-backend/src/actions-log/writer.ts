import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * The writer of an action as the log records it: the user's entity ref, or `service:` and the
 * service's subject (`service:plugin:catalog`, or an external-access token's `subject`).
 */
export function writerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return 'unknown';
}

/** The writer of the demo actions that `agentMesh.actions.seedFile` loads at start. */
export const SEED_WRITER = 'service:agent-mesh-seed-file';
