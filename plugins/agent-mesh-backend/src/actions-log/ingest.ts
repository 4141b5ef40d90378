import { InputError } from '@backstage/errors';
import { canonicalJson } from '@agent-mesh/plugin-agent-mesh-common';
import { toEntityRef } from './refs';
import { AgentResolver } from './AgentResolver';
import { ActingParty } from './actingParty';
import { ParsedActionInput } from './schema';
import { ActionStore, AppendOptions, AppendResult, NewAction } from './types';

/**
 * Turns validated inputs into stored actions: refuses repeated ids within one batch, resolves
 * agents, owners and targets against the catalog, and appends the batch in one transaction.
 * An action without `agent` or `onBehalfOf` takes them from the caller's credentials
 * (`actingParty`): the acting service, the user it acts for.
 */
export async function ingestActions(
  inputs: ParsedActionInput[],
  deps: { store: ActionStore; resolver: AgentResolver },
  options: AppendOptions & {
    /** Whose credentials sent the actions (`writerOf`); recorded and hashed with each. */
    writer: string;
    /** Who acts, by the same credentials (`actingPartyOf`); fills in what the inputs leave out. */
    actingParty?: ActingParty;
  },
): Promise<AppendResult> {
  const firstIndex = new Map<string, number>();
  inputs.forEach((input, index) => {
    const earlier = firstIndex.get(input.id);
    if (earlier !== undefined) {
      throw new InputError(
        `actions[${index}].id '${input.id}' repeats actions[${earlier}].id; ids must be unique within a request`,
      );
    }
    firstIndex.set(input.id, index);
  });

  const party = options.actingParty ?? {};
  const agents = inputs.map((input, index) => {
    const agent = input.agent ?? party.agent?.slice(0, 255);
    if (!agent) {
      throw new InputError(
        `actions[${index}].agent is required: the credentials name no acting agent (a user's own token does not say which client holds it)`,
      );
    }
    return agent;
  });
  const resolved = await deps.resolver.resolveMany(agents);

  const actions: NewAction[] = inputs.map((input, index) => {
    const agent = resolved.get(agents[index])!;
    const onBehalfOf = input.onBehalfOf ?? party.onBehalfOf;
    return {
      id: input.id,
      occurredAt: new Date(input.occurredAt).toISOString(),
      agent: agents[index],
      agentRef: agent.agentRef,
      agentKnown: agent.agentKnown,
      type: input.type,
      target: input.target ?? null,
      targetRef: input.target ? toEntityRef(input.target) ?? null : null,
      ownerRef: agent.ownerRef,
      onBehalfOf: onBehalfOf ? toEntityRef(onBehalfOf, 'user') ?? null : null,
      summary: input.summary,
      status: input.status ?? null,
      traceId: input.traceId ?? null,
      spanId: input.spanId ?? null,
      model: input.model ?? null,
      inputTokens: input.inputTokens ?? null,
      outputTokens: input.outputTokens ?? null,
      attributes: input.attributes ? canonicalJson(input.attributes) : null,
      writer: options.writer,
    };
  });
  return deps.store.append(actions, { onConflict: options.onConflict });
}
