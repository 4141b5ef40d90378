export { isNotFoundError } from './errors';
export { useActionLogLink } from './useActionLogLink';
export { formatDate, formatDateTime, formatPercent } from './format';
