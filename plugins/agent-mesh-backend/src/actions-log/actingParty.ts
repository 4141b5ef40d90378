import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseTypedExternalId } from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Who acts, as the caller's credentials tell it: the acting agent, when they name one, and the
 * user it acts for, when they are a user's.
 */
export interface ActingParty {
  /** In the form of an action's `agent`: resolved like one (entity ref or external id). */
  agent?: string;
  /** The user's entity ref. */
  onBehalfOf?: string;
}

/** The prefix Backstage gives the subjects of external-access tokens (JWKS: `external:<subjectPrefix>:<sub>`). */
const EXTERNAL = 'external:';

/**
 * A service's subject as an agent id. A JWKS external-access method whose `subjectPrefix` is an
 * id type (`entra`, `aws-agentcore`, ...) yields `external:entra:<sub>`, which is the typed id
 * `entra:<sub>` that an Agent lists in `spec.externalIds`; other subjects are kept as they are
 * (a static token's `subject`, `plugin:<pluginId>`).
 */
export function agentIdOfSubject(subject: string): string {
  if (subject.startsWith(EXTERNAL)) {
    const rest = subject.slice(EXTERNAL.length);
    if (parseTypedExternalId(rest)) {
      return rest;
    }
  }
  return subject;
}

/**
 * The acting party of a request:
 *
 * - a service principal (an external-access token, another plugin) is the acting agent;
 * - a user principal acts for that user. When a service passed the user's credentials on
 *   (Backstage's on-behalf-of tokens, `principal.actor`), that service is the acting agent;
 *   a user's own token (e.g. an MCP client signed in as the user through OAuth) names no agent,
 *   since Backstage's user tokens do not say which client holds them.
 */
export function actingPartyOf(credentials: BackstageCredentials): ActingParty {
  const principal = credentials.principal as {
    type?: string;
    subject?: string;
    userEntityRef?: string;
    actor?: { subject?: string };
  };
  if (principal.type === 'service' && principal.subject) {
    return { agent: agentIdOfSubject(principal.subject) };
  }
  if (principal.type === 'user' && principal.userEntityRef) {
    const actor = principal.actor?.subject;
    return {
      onBehalfOf: principal.userEntityRef,
      ...(actor ? { agent: agentIdOfSubject(actor) } : {}),
    };
  }
  return {};
}
