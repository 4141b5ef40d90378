import { parseOverviewQuery } from './overviewQuery';

const now = new Date('2026-11-20T12:00:00.000Z');

describe('parseOverviewQuery', () => {
  it('defaults to the 30 days before now', () => {
    expect(parseOverviewQuery({}, now)).toEqual({
      period: {
        since: '2026-10-21T12:00:00.000Z',
        until: '2026-11-20T12:00:00.000Z',
      },
    });
  });

  it('reads period, since/until and owner', () => {
    expect(parseOverviewQuery({ period: '7d', owner: 'brand-a' }, now)).toEqual(
      {
        period: {
          since: '2026-11-13T12:00:00.000Z',
          until: '2026-11-20T12:00:00.000Z',
        },
        owner: 'group:default/brand-a',
      },
    );
    expect(
      parseOverviewQuery(
        { since: '2026-11-01', until: '2026-11-02T00:00:00+01:00' },
        now,
      ).period,
    ).toEqual({
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-01T23:00:00.000Z',
    });
  });

  it.each([
    [{ period: ['7d', '30d'] }, "'period' must be given once"],
    [{ period: '' }, "'period' must be given once"],
    [{ period: '2w' }, "'period' must be a number of days"],
    [{ since: '2026-11-01T00:00' }, "'since' must be an ISO 8601"],
    [
      { since: '2025-01-01', until: '2026-11-01' },
      "'since' and 'until' may be at most",
    ],
    [
      { since: '2026-11-02', until: '2026-11-01' },
      "'since' must be before 'until'",
    ],
    [{ owner: 'user:default/alice' }, "'owner' must be a team"],
    [{ limit: '5' }, 'Unknown query parameter(s): limit'],
  ])('refuses %p', (query, message) => {
    expect(() => parseOverviewQuery(query, now)).toThrow(message);
  });
});
