export { loadGroups, teamTree } from './teams';
export { TeamHierarchy } from './TeamHierarchy';
