export { TeamRollup } from './TeamRollup';
