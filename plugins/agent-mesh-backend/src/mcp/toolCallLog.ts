import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AnyZodObject } from 'zod/v3';
import { ActionStore, AgentResolver } from '../actions-log';
import { ActingParty, actingPartyOf } from '../actions-log/actingParty';
import { ingestActions } from '../actions-log/ingest';
import {
  describeIssue,
  internalActionInputSchema,
  TOOL_CALL_ID_PREFIX,
} from '../actions-log/schema';
import { toStorableText } from '../actions-log/storableText';
import { writerOf } from '../actions-log/writer';

/** Longest error message kept with a failed call. */
const MAX_ERROR_MESSAGE = 1000;

export interface ToolCallLogOptions {
  actionLog: { store: ActionStore; resolver: AgentResolver };
  auth: AuthService;
  logger: LoggerService;
  /** The plugin whose actions these are: the registry's ids are `<pluginId>:<name>`. */
  pluginId: string;
}

/** One finished call of an action, as the log records it. */
interface ToolCall {
  tool: string;
  startedAt: Date;
  durationMs: number;
  caller: string;
  party: ActingParty;
  error?: unknown;
}

function describeError(error: unknown): { name: string; message: string } {
  const name = error instanceof Error && error.name ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: toStorableText(name).slice(0, 255),
    message: toStorableText(message).slice(0, MAX_ERROR_MESSAGE),
  };
}

function toolCallAction(call: ToolCall) {
  const durationMs = Math.round(call.durationMs * 10) / 10;
  const error =
    call.error === undefined ? undefined : describeError(call.error);
  const summary = error
    ? `Called the tool ${call.tool}, which failed after ${durationMs} ms: ${error.name}: ${error.message}`
    : `Called the tool ${call.tool} (${durationMs} ms)`;
  return {
    id: `${TOOL_CALL_ID_PREFIX}${randomUUID()}`,
    occurredAt: call.startedAt.toISOString(),
    // A user's own token names no client (see actingPartyOf): the user is the caller then.
    agent: (call.party.agent ?? call.party.onBehalfOf ?? call.caller).slice(
      0,
      255,
    ),
    type: 'tool.call',
    ...(call.party.onBehalfOf ? { onBehalfOf: call.party.onBehalfOf } : {}),
    summary,
    status: error ? 'failure' : 'success',
    attributes: {
      tool: call.tool,
      durationMs,
      caller: call.caller,
      ...(error ? { error } : {}),
    },
  };
}

/**
 * An actions registry that records every call of the actions registered through it in the
 * action log: a `tool.call` action with the calling agent and the user it acts for (from the
 * caller's credentials, `actingPartyOf`), the outcome, the duration and the error of a failed
 * call. The record is written by the plugin itself (its own service credentials) and never
 * changes the call: what the action answers or throws goes back to the caller as it is, and a
 * record that cannot be written is a warning in the log.
 *
 * Calls that the registry refuses before the action runs (bad input by the action's schema, an
 * unknown action) never reach it and are not recorded.
 */
export function withToolCallLog(
  registry: ActionsRegistryService,
  options: ToolCallLogOptions,
): ActionsRegistryService {
  const { actionLog, auth, logger, pluginId } = options;
  let writer: Promise<string> | undefined;

  async function record(call: ToolCall): Promise<void> {
    try {
      const parsed = internalActionInputSchema.safeParse(toolCallAction(call));
      if (!parsed.success) {
        throw new Error(describeIssue(parsed.error.issues[0]));
      }
      writer ??= auth.getOwnServiceCredentials().then(writerOf);
      await ingestActions([parsed.data], actionLog, { writer: await writer });
    } catch (error) {
      logger.warn(
        `Could not record the call of ${call.tool} by ${call.caller} in the action log: ${error}`,
      );
    }
  }

  return {
    register<
      TInputSchema extends AnyZodObject,
      TOutputSchema extends AnyZodObject,
      TSecretsSchema extends AnyZodObject | undefined = undefined,
    >(
      action: ActionsRegistryActionOptions<
        TInputSchema,
        TOutputSchema,
        TSecretsSchema
      >,
    ): void {
      const tool = `${pluginId}:${action.name}`;
      registry.register({
        ...action,
        action: async context => {
          const startedAt = new Date();
          const start = performance.now();
          const finished = (error?: unknown) =>
            record({
              tool,
              startedAt,
              durationMs: performance.now() - start,
              caller: writerOf(context.credentials),
              party: actingPartyOf(context.credentials),
              error,
            });
          let result;
          try {
            result = await action.action(context);
          } catch (error) {
            await finished(error ?? new Error('unknown error'));
            throw error;
          }
          await finished();
          return result;
        },
      });
    },
  };
}
