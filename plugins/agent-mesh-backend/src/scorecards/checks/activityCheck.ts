import { lifecycleOf, refOf } from '../refs';
import { BuiltInCheck, na, pass, warn } from './BuiltInCheck';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a detail names the time of the last action (an ISO 8601 time from the action log). */
const LAST_ACTION =
  /Last action (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/;
const lastAction = (at: string) => `Last action ${at}`;

/** Activity in the action log within the window; else a warning that it may be abandoned. */
export const activityCheck: BuiltInCheck = {
  id: 'recent-activity',
  title: 'Recent agent activity',
  weight: 1,
  async evaluate(entity, context) {
    const lifecycle = lifecycleOf(entity);
    if (lifecycle === 'proposed' || lifecycle === 'deprecated') {
      return na(`Not expected of ${lifecycle} entities.`);
    }
    if (!context.lastActivity) {
      return na('The action log is not available.');
    }
    const days = context.activityWindowDays;
    const last = await context.lastActivity(refOf(entity));
    const lastMs = last ? Date.parse(last) : NaN;
    if (
      !Number.isNaN(lastMs) &&
      context.now.getTime() - lastMs <= days * DAY_MS
    ) {
      return pass(`${lastAction(last!)}, within ${days} days.`);
    }
    return warn(
      `${
        last ? lastAction(last) : 'No action in the log'
      }; none in the last ${days} days: possibly abandoned. If it is still in use, have its agents report actions; if not, set spec.lifecycle to deprecated.`,
    );
  },
};

/** The time of the last action that a detail of this check names, if it names one. */
export function lastActionIn(detail: string): string | undefined {
  return LAST_ACTION.exec(detail)?.[1];
}

/**
 * The detail without the time of the last action, for a caller who may not read that action:
 * the status (active within the window or not) stays, the time is withheld.
 */
export function withoutLastActionTime(detail: string): string {
  return detail.replace(
    LAST_ACTION,
    'Last action (time withheld: you may not read that action in the action log)',
  );
}
