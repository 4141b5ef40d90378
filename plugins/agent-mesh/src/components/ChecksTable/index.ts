export { ChecksTable, sortChecks } from './ChecksTable';
