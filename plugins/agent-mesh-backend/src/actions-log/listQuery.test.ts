import { encodeCursor } from './cursor';
import { parseListQuery } from './listQuery';

describe('parseListQuery', () => {
  it('normalises filters', () => {
    expect(
      parseListQuery({
        agent: 'coder',
        target: 'Component:shop',
        owner: 'brand-a',
        onBehalfOf: 'Jane',
        type: 'deploy',
        since: '2026-11-01',
        until: '2026-11-02T00:00:00+01:00',
        cursor: encodeCursor(42),
        limit: '900',
      }),
    ).toEqual({
      agent: 'coder',
      agentRef: 'agent:default/coder',
      targetRef: 'component:default/shop',
      ownerRefs: ['group:default/brand-a'],
      onBehalfOf: 'user:default/jane',
      type: 'deploy',
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-01T23:00:00.000Z',
      beforeSeq: 42,
      limit: 500,
    });
    expect(parseListQuery({})).toEqual({ limit: 50 });
    expect(parseListQuery({ target: 'https://x.org/a' })).toEqual({
      limit: 50,
      target: 'https://x.org/a',
    });
  });

  it.each([
    [{ limit: '0' }, 'limit must be a whole number'],
    [{ limit: '2.5' }, 'limit must be a whole number'],
    [{ since: 'last week' }, 'since must be an ISO 8601'],
    [{ until: '2026-13-45' }, 'until must be an ISO 8601'],
    [{ cursor: 'abc' }, 'cursor is not a cursor'],
    [{ type: ['a', 'b'] }, 'type must be given once'],
    [{ colour: 'red' }, "Unknown query parameter 'colour'"],
    [{ onBehalfOf: 'a b' }, 'onBehalfOf must be an entity ref'],
  ])('refuses %j', (query, message) => {
    expect(() => parseListQuery(query)).toThrow(message);
  });
});
