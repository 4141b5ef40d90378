import { Action } from '@agent-mesh/plugin-agent-mesh-common';

const DAY = 24 * 60 * 60 * 1000;

/** Gaps are filled with zero days up to this span; longer spans show only days with actions. */
const MAX_FILLED_DAYS = 366;

export interface DayCount {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
}

/** How many of these actions happened on each UTC day, oldest day first, quiet days as zero. */
export function actionsPerDay(actions: Action[]): DayCount[] {
  const counts = new Map<string, number>();
  for (const action of actions) {
    const time = Date.parse(action.occurredAt);
    if (Number.isNaN(time)) continue;
    const day = new Date(time).toISOString().slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort();
  if (days.length === 0) return [];
  const first = Date.parse(days[0]);
  const last = Date.parse(days[days.length - 1]);
  if ((last - first) / DAY >= MAX_FILLED_DAYS) {
    return days.map(day => ({ day, count: counts.get(day)! }));
  }
  const result: DayCount[] = [];
  for (let time = first; time <= last; time += DAY) {
    const day = new Date(time).toISOString().slice(0, 10);
    result.push({ day, count: counts.get(day) ?? 0 });
  }
  return result;
}
