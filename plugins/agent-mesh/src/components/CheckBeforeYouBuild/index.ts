export { CheckBeforeYouBuild } from './CheckBeforeYouBuild';
