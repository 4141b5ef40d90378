export { loadGroups, teamTree } from './teams';
export { TeamHierarchy } from './TeamHierarchy';
export { visibleRefs } from './visibleRefs';
