import { hasActionFilters } from '../ActionLogExplorer';

/** The tabs of the page, in order; `id` is the value of the `tab` query parameter. */
export const PAGE_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'actions', label: 'Action log' },
  { id: 'check', label: 'Check before you build' },
] as const;

export type PageTabId = (typeof PAGE_TABS)[number]['id'];

/**
 * The tab a query string selects: `tab` when it names one; otherwise the action log when
 * action filters are given (links from the entity cards carry only those), else the overview.
 */
export function selectedTab(params: URLSearchParams): PageTabId {
  const tab = PAGE_TABS.find(t => t.id === params.get('tab'));
  if (tab) return tab.id;
  return hasActionFilters(params) ? 'actions' : 'overview';
}
