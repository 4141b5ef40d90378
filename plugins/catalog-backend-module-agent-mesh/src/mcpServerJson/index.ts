export {
  McpServerJsonProcessor,
  MCP_SERVER_JSON_LOCATION_TYPE,
  readMcpServerJsonDefaults,
} from './McpServerJsonProcessor';
export type { McpServerJsonDefaults } from './McpServerJsonProcessor';
