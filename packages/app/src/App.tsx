import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import agentMeshPlugin from '@agent-mesh/plugin-agent-mesh/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [catalogPlugin, agentMeshPlugin, navModule, homeModule],
});
