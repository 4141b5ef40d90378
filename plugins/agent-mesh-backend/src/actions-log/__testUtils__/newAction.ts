import { NewAction } from '../types';

/** A resolved action as the store takes it, by a known agent of the platform team. */
export function newAction(
  id: string,
  overrides: Partial<NewAction> = {},
): NewAction {
  return {
    id,
    occurredAt: '2026-11-24T10:00:00.000Z',
    agent: 'agent:default/coder',
    agentRef: 'agent:default/coder',
    agentKnown: true,
    type: 'repo.commit',
    target: null,
    targetRef: null,
    ownerRef: 'group:default/platform',
    onBehalfOf: null,
    summary: `did ${id}`,
    status: null,
    traceId: null,
    spanId: null,
    model: null,
    inputTokens: 12,
    outputTokens: null,
    attributes: '{"k":"v"}',
    writer: 'service:plugin:test',
    ...overrides,
  };
}
