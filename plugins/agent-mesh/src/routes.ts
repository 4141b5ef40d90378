import { createRouteRef } from '@backstage/core-plugin-api';

/** The organisation overview page, legacy frontend system. */
export const rootRouteRef = createRouteRef({ id: 'agent-mesh' });

/** The Governance tab of an entity page, legacy frontend system. */
export const governanceRouteRef = createRouteRef({
  id: 'agent-mesh-governance',
});
