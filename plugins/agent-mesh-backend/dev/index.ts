import { createBackend } from '@backstage/backend-defaults';

// Runs the plugin alone against a real catalog with the demo organisation:
//   yarn workspace @agent-mesh/plugin-agent-mesh-backend start
const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));
backend.start();
