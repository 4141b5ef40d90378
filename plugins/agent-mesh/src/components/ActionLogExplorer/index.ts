export { ActionLogExplorer } from './ActionLogExplorer';
export { hasActionFilters } from './actionFilterParams';
