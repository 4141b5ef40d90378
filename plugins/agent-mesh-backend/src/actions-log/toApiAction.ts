import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { StoredAction } from './types';

/** The API shape of a stored action: optional fields left out when empty. */
export function toApiAction(stored: StoredAction): Action {
  const action: Action = {
    seq: stored.seq,
    id: stored.id,
    occurredAt: stored.occurredAt,
    receivedAt: stored.receivedAt,
    agent: stored.agent,
    agentKnown: stored.agentKnown,
    type: stored.type,
    summary: stored.summary,
    prevHash: stored.prevHash,
    hash: stored.hash,
  };
  const optional = {
    agentRef: stored.agentRef,
    ownerRef: stored.ownerRef,
    target: stored.target,
    targetRef: stored.targetRef,
    onBehalfOf: stored.onBehalfOf,
    status: stored.status,
    traceId: stored.traceId,
    spanId: stored.spanId,
    model: stored.model,
    inputTokens: stored.inputTokens,
    outputTokens: stored.outputTokens,
    writer: stored.writer,
  };
  // the optional fields that are set, and only those: null is stored, never sent
  Object.assign(
    action,
    Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== null),
    ) as Partial<Action>,
  );
  if (stored.attributes !== null) {
    action.attributes = JSON.parse(stored.attributes);
  }
  return action;
}
