export { isNotFoundError } from './errors';
export { useActionLogLink } from './useActionLogLink';
export { formatDate, formatDateTime, formatPercent } from './format';
export { ChartFigure } from './ChartFigure';
export { ActionStatus } from './ActionStatus';
export { errorTitle } from './errorTitle';
export { ColumnHeaders } from './ColumnHeaders';
export { OwnerLink } from './OwnerLink';
export { ReasonList } from './ReasonList';
