const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The choices of the time range select. */
export const TIME_RANGES = [
  { id: 'any', label: 'Any time' },
  { id: '24h', label: 'Last 24 hours', span: DAY },
  { id: '7d', label: 'Last 7 days', span: 7 * DAY },
  { id: '30d', label: 'Last 30 days', span: 30 * DAY },
  { id: 'custom', label: 'Custom range' },
] as const;

export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

/**
 * The `since` of a relative time range, as ISO 8601 UTC; undefined for "any time" and for a
 * custom range, whose bounds the user types.
 */
export function sinceOfRange(id: TimeRangeId, now: Date): string | undefined {
  const range = TIME_RANGES.find(r => r.id === id);
  if (!range || !('span' in range)) return undefined;
  return new Date(now.getTime() - range.span).toISOString();
}

/** The range the form shows for filters from the URL: a custom range when any bound is set. */
export function rangeOfFilters(filters: {
  since?: string;
  until?: string;
}): TimeRangeId {
  return filters.since || filters.until ? 'custom' : 'any';
}
