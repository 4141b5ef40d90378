import { parsePostActionsBody } from './schema';

const good = {
  id: 'a',
  occurredAt: '2026-11-24T10:00:00.123456Z',
  agent: 'coder',
  type: 'deploy',
  summary: 'Deployed',
};

describe('parsePostActionsBody', () => {
  it('accepts a good batch', () => {
    expect(
      parsePostActionsBody({
        actions: [good, { ...good, id: 'b', inputTokens: 3, attributes: {} }],
      }),
    ).toHaveLength(2);
  });

  it('leaves the agent to the credentials when an action names none', () => {
    const { agent: _agent, ...withoutAgent } = good;
    expect(parsePostActionsBody({ actions: [withoutAgent] })).toEqual([
      { ...withoutAgent, occurredAt: good.occurredAt },
    ]);
  });

  it.each([
    [null, 'body must be a JSON object with an actions array'],
    [{ actions: 'x' }, 'actions must be an array'],
    [{ actions: [good, 7] }, 'actions[1] must be an object'],
    [
      { actions: [{ ...good, occurredAt: '2026-11-24T10:00:00' }] },
      'actions[0].occurredAt must be an ISO 8601 date-time with a time zone',
    ],
    [{ actions: [{ ...good, id: '' }] }, 'actions[0].id must not be empty'],
    [
      { actions: [{ ...good, outputTokens: -1 }] },
      'actions[0].outputTokens must not be negative',
    ],
    [
      { actions: [{ ...good, attributes: [1] }] },
      'actions[0].attributes must be an object',
    ],
    [{ actions: [good], extra: 1 }, "body has unknown field(s) 'extra'"],
    [
      { actions: [{ ...good, id: 'otlp:1:2' }] },
      "actions[0].id must not start with 'otlp:', which is reserved for spans from POST /v1/traces",
    ],
    [
      { actions: [{ ...good, id: 'tool-call:1' }] },
      "actions[0].id must not start with 'tool-call:', which is reserved for the calls of MCP tools that the plugin records itself",
    ],
    [
      { actions: [{ ...good, agent: '' }] },
      'actions[0].agent must not be empty',
    ],
  ])('refuses %j', (body, message) => {
    expect(() => parsePostActionsBody(body)).toThrow(message);
  });

  it('names every problem of a body sent without its actions array', () => {
    expect(() =>
      parsePostActionsBody({ id: good.id, agent: good.agent }),
    ).toThrow("actions is required; body has unknown field(s) 'id', 'agent'");
  });

  it('names the first five problems and counts the others', () => {
    const bad = { ...good, id: '' };
    const actions = Array.from({ length: 7 }, () => bad);
    let message = '';
    try {
      parsePostActionsBody({ actions });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('; ')).toEqual([
      'actions[0].id must not be empty',
      'actions[1].id must not be empty',
      'actions[2].id must not be empty',
      'actions[3].id must not be empty',
      'actions[4].id must not be empty (and 2 more problem(s))',
    ]);
  });
});
