import {
  validateA2aAgentCard,
  validateMcpServerJson,
} from '@agent-mesh/plugin-agent-mesh-common';
import { readFileSync } from 'fs';
import { resolve } from 'path';

const examples = resolve(__dirname, '../../../examples');
const readJson = (file: string) =>
  JSON.parse(readFileSync(resolve(examples, file), 'utf8'));

describe("the demo's documents", () => {
  it('has a valid server.json, which app-config.yaml loads', () => {
    expect(
      validateMcpServerJson(readJson('mcp/sales-warehouse.server.json')).errors,
    ).toEqual([]);
    expect(
      readFileSync(resolve(examples, '../app-config.yaml'), 'utf8'),
    ).toContain('target: ../../examples/mcp/sales-warehouse.server.json');
  });

  it('has a valid A2A agent card', () => {
    expect(
      validateA2aAgentCard(readJson('a2a/returns-triage.json')).errors,
    ).toEqual([]);
  });
});
