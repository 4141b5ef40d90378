import { createBackend } from '@backstage/backend-defaults';

// Runs the module inside the Agent Mesh backend plugin, against a real catalog with the demo
// organisation of the repository's app-config.yaml (without the kinds module, so only its
// built-by annotated Components get scorecards here):
//   yarn workspace @agent-mesh/plugin-agent-mesh-backend-module-example-checks start
// then, with a token (e.g. a static one from backend.auth.externalAccess in app-config.local.yaml):
//   curl -H "Authorization: Bearer $TOKEN" \
//     'http://localhost:7007/api/agent-mesh/scorecards?entityRef=component:default/brand-b-sales-api'
const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@agent-mesh/plugin-agent-mesh-backend'));
backend.add(import('../src'));
backend.start();
