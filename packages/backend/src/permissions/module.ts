import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AgentMeshPortalPolicy } from './AgentMeshPortalPolicy';

/** Installs the demo portal's permission policy in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'agent-mesh-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(AgentMeshPortalPolicy.fromConfig(config));
      },
    });
  },
});
