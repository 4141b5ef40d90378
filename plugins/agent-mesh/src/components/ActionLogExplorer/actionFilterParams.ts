import { ActionFilters } from '../../api';

/** The query parameters of the page that filter the action log, in the order of the form. */
export const ACTION_FILTER_NAMES = [
  'agent',
  'target',
  'owner',
  'onBehalfOf',
  'type',
  'since',
  'until',
] as const;

/** The action filters in a query string; blank values are left out. */
export function readActionFilters(params: URLSearchParams): ActionFilters {
  const filters: ActionFilters = {};
  for (const name of ACTION_FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** True when the query string filters the action log. */
export function hasActionFilters(params: URLSearchParams): boolean {
  return Object.keys(readActionFilters(params)).length > 0;
}

/**
 * A copy of the query string with the action filters replaced by these; other parameters (such
 * as the selected tab) are kept.
 */
export function withActionFilters(
  params: URLSearchParams,
  filters: ActionFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ACTION_FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
  }
  return next;
}
