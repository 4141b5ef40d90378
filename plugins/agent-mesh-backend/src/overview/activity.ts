import {
  OverviewActivity,
  OverviewPeriod,
} from '@agent-mesh/plugin-agent-mesh-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every UTC day (`YYYY-MM-DD`) that the period touches. */
export function daysOf(period: OverviewPeriod): string[] {
  const days: string[] = [];
  const start = new Date(period.since);
  start.setUTCHours(0, 0, 0, 0);
  const end = new Date(period.until).getTime();
  for (let t = start.getTime(); t < end; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Actions per day (every day of the period, zeros included) and per type (most first). */
export function activitySummary(
  period: OverviewPeriod,
  byDay: Map<string, number>,
  byType: Map<string, number>,
): OverviewActivity {
  return {
    byDay: daysOf(period).map(day => ({ day, count: byDay.get(day) ?? 0 })),
    byType: [...byType.entries()]
      .map(([type, count]) => ({ type, count }))
      .sort((x, y) => y.count - x.count || x.type.localeCompare(y.type)),
  };
}
