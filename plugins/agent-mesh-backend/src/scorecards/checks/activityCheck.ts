import { lifecycleOf, refOf } from '../refs';
import { BuiltInCheck, na, pass, warn } from './BuiltInCheck';

const DAY_MS = 24 * 60 * 60 * 1000;

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
      return pass(`Last action ${last}, within ${days} days.`);
    }
    return warn(
      `${
        last ? `Last action ${last}` : 'No action in the log'
      }; none in the last ${days} days: possibly abandoned. If it is still in use, have its agents report actions; if not, set spec.lifecycle to deprecated.`,
    );
  },
};
