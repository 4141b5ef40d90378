import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { agentMeshActionCreatePermission } from '@agent-mesh/plugin-agent-mesh-common';
import { InputError } from '@backstage/errors';
import { AgentResolver, ActionStore } from '../actions-log';
import { ingestActions } from '../actions-log/ingest';
import { writerOf } from '../actions-log/writer';
import { actingPartyOf } from '../actions-log/actingParty';
import { actionInputSchema, describeIssue } from '../actions-log/schema';
import { requirePermission } from './shared';

/**
 * `agent-mesh:log-agent-action`: writes one action to the agent action log, through the same
 * validation and ingest path as `POST /actions`.
 */
export function registerLogAgentActionAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    actionLog: { store: ActionStore; resolver: AgentResolver };
    permissions: PermissionsService;
  },
) {
  const { actionLog, permissions } = deps;
  actionsRegistry.register({
    name: 'log-agent-action',
    title: 'Log what you did to the agent action log',
    description: `Call this after you did something that people in the organisation should be able to see later: created an artifact, committed, opened or merged a pull request, deployed, ran a workflow, or called an external tool on someone's behalf. One call records one action in the organisation's tamper-evident agent action log, attributed to your agent and its owning team.

Give a stable id that you choose (for example your run id plus a step number): the call is idempotent on it, so retrying with the same id and the same content records the action once (duplicate: true); the same id with different content is refused. agent is your Agent entity ref in the catalog (agent:default/name) or one of its external ids. type is a dotted verb such as artifact.created, repo.commit, pr.opened, deploy or tool.call. target is the entity ref or URL you acted on.

Returns whether the action was recorded or was already there, and the agent and owning team it was attributed to (agentKnown: false means the catalog does not know your agent; register it as an Agent entity).`,
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .min(1)
            .max(255)
            .describe(
              'Idempotency key you choose, unique per action, e.g. "run-42-step-3"',
            ),
          occurredAt: z
            .string()
            .describe(
              'When it happened: ISO 8601 with time zone, e.g. 2026-11-20T10:15:00Z',
            ),
          agent: z
            .string()
            .min(1)
            .max(255)
            .describe(
              'Your Agent entity ref (agent:default/name) or external id',
            ),
          type: z
            .string()
            .min(1)
            .max(255)
            .describe(
              'What kind of action: artifact.created, repo.commit, pr.opened, pr.merged, deploy, tool.call, ...',
            ),
          summary: z
            .string()
            .min(1)
            .max(4096)
            .describe(
              'One or two sentences a person can read: what you did and why',
            ),
          target: z
            .string()
            .max(2048)
            .optional()
            .describe('The entity ref or URL acted on'),
          onBehalfOf: z
            .string()
            .max(200)
            .optional()
            .describe(
              'The user you acted for, e.g. user:default/jane; when you are signed in as a user, that user unless you say otherwise',
            ),
          status: z.string().max(255).optional().describe('ok, error, ...'),
          traceId: z.string().max(255).optional(),
          spanId: z.string().max(255).optional(),
          model: z.string().max(255).optional(),
          inputTokens: z.number().int().min(0).optional(),
          outputTokens: z.number().int().min(0).optional(),
          attributes: z
            .record(z.unknown())
            .optional()
            .describe('Any further details, as a JSON object'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          recorded: z
            .boolean()
            .describe('True when this call wrote the action'),
          duplicate: z
            .boolean()
            .describe(
              'True when an action with this id and content was already in the log',
            ),
          agentKnown: z.boolean(),
          agentRef: z.string().optional(),
          ownerRef: z
            .string()
            .optional()
            .describe('The team the action is attributed to'),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        agentMeshActionCreatePermission,
        'write to the action log',
      );
      // The same validation as POST /actions (ISO dates with a zone, entity refs, ...).
      const parsed = actionInputSchema.safeParse(input);
      if (!parsed.success) {
        throw new InputError(describeIssue(parsed.error.issues[0]));
      }
      // onBehalfOf, when left out, is the signed-in user whose token the MCP client holds.
      const result = await ingestActions([parsed.data], actionLog, {
        writer: writerOf(credentials),
        actingParty: actingPartyOf(credentials),
      });
      const agent = await actionLog.resolver.resolve(parsed.data.agent);
      return {
        output: {
          id: parsed.data.id,
          recorded: result.accepted.length === 1,
          duplicate: result.duplicates.length === 1,
          agentKnown: agent.agentKnown,
          ...(agent.agentRef ? { agentRef: agent.agentRef } : {}),
          ...(agent.ownerRef ? { ownerRef: agent.ownerRef } : {}),
        },
      };
    },
  });
}
