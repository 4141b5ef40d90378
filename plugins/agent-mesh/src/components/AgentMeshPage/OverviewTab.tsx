import { AiBuiltEntitiesList } from '../AiBuiltEntitiesList';

/** The Overview tab: what the organisation is building with AI. */
export function OverviewTab() {
  return <AiBuiltEntitiesList />;
}
