export { OrganisationOverview } from './OrganisationOverview';
