export { CheckStatus, CHECK_STATUS_LABELS } from './CheckStatus';
