import Box from '@material-ui/core/Box';
import { AiBuiltEntitiesList } from '../AiBuiltEntitiesList';
import { OrganisationOverview } from '../OrganisationOverview';

/**
 * The Overview tab: what the organisation is building with AI, then every agent and AI-built
 * entity in the catalog for looking one up.
 */
export function OverviewTab() {
  return (
    <>
      <OrganisationOverview />
      <Box mt={3}>
        <AiBuiltEntitiesList />
      </Box>
    </>
  );
}
