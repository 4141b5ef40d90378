/*
 * The demo portal's backend: a stock Backstage backend with the Agent Mesh plugins added.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// events: catalog changes reach the Agent Mesh overlap index through the events bus
backend.add(import('@backstage/plugin-events-backend'));

// auth: guest sign-in for the demo (https://backstage.io/docs/auth/guest/provider)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with Backstage's AiResource kind and the Agent Mesh kinds
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-ai-model'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// lists entities that failed processing, with their errors (/catalog-unprocessed-entities)
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
backend.add(import('@agent-mesh/plugin-catalog-backend-module-agent-mesh'));
// demo only: serves examples/a2a/*.json as A2A agent cards, read by the catalog (agentMesh.a2a)
backend.add(import('./demoA2aAgents/plugin'));

// scaffolder, with the Agent Mesh overlap check
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@agent-mesh/plugin-scaffolder-backend-module-agent-mesh'));

// Agent Mesh: action log, overlap index, scorecards, overview, MCP actions
backend.add(import('@agent-mesh/plugin-agent-mesh-backend'));

// permissions (https://backstage.io/docs/permissions/getting-started): the portal's policy,
// configured by permission.agentMesh.admins
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/module'));

// search: Lunr in memory on SQLite, PostgreSQL's own search in production
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// MCP over Streamable HTTP at /api/mcp-actions/v1, offering the registered actions
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
