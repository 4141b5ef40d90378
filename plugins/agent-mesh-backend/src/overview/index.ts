export { setupOverview } from './setupOverview';
