import { action } from '../../__testUtils__';
import { actionsPerDay } from './actionsPerDay';

describe('actionsPerDay', () => {
  it('counts per UTC day, oldest first, with quiet days as zero', () => {
    const items = [
      action({ occurredAt: '2026-11-18T23:59:00+02:00' }),
      action({ occurredAt: '2026-11-18T09:00:00Z' }),
      action({ occurredAt: '2026-11-15T00:00:00Z' }),
    ];
    expect(actionsPerDay(items)).toEqual([
      { day: '2026-11-15', count: 1 },
      { day: '2026-11-16', count: 0 },
      { day: '2026-11-17', count: 0 },
      { day: '2026-11-18', count: 2 },
    ]);
  });

  it('gives nothing for no actions and skips filling over more than a year', () => {
    expect(actionsPerDay([])).toEqual([]);
    expect(
      actionsPerDay([
        action({ occurredAt: '2024-01-01T00:00:00Z' }),
        action({ occurredAt: '2026-01-01T00:00:00Z' }),
      ]),
    ).toEqual([
      { day: '2024-01-01', count: 1 },
      { day: '2026-01-01', count: 1 },
    ]);
  });
});
