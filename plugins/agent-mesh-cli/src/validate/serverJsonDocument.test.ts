import { isServerJsonDocument } from './serverJsonDocument';

describe('isServerJsonDocument', () => {
  it('takes files named server.json or *.server.json', () => {
    expect(isServerJsonDocument('server.json', {})).toBe(true);
    expect(isServerJsonDocument('mcp/Sales.Server.JSON', {})).toBe(true);
    expect(isServerJsonDocument('catalog-info.yaml', { kind: 'API' })).toBe(
      false,
    );
    expect(isServerJsonDocument('observer.json', {})).toBe(false);
  });

  it("takes any file whose $schema is the MCP registry's server schema", () => {
    expect(
      isServerJsonDocument('weather.json', {
        $schema:
          'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
      }),
    ).toBe(true);
    expect(
      isServerJsonDocument('weather.json', {
        $schema: 'https://example.com/server.schema.json',
      }),
    ).toBe(false);
    expect(isServerJsonDocument('list.json', ['server.schema.json'])).toBe(
      false,
    );
  });
});
