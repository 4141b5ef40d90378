import { validateA2aAgentCard } from './a2aAgentCard';

/** An A2A 1.0 agent card, as an agent serves it at /.well-known/agent-card.json. */
const card = () => ({
  name: 'Invoice Reconciler',
  description: 'Matches supplier invoices against purchase orders.',
  version: '2.3.0',
  supportedInterfaces: [
    {
      url: 'https://agents.acme.example/invoices/a2a/v1',
      protocolBinding: 'JSONRPC',
      protocolVersion: '1.0',
    },
  ],
  provider: {
    organization: 'Acme Finance',
    url: 'https://finance.acme.example',
  },
  documentationUrl: 'https://docs.acme.example/agents/invoice-reconciler',
  capabilities: { streaming: true, pushNotifications: false },
  securitySchemes: {
    bearer: { httpAuthSecurityScheme: { scheme: 'Bearer' } },
  },
  defaultInputModes: ['text/plain', 'application/json'],
  defaultOutputModes: ['application/json'],
  skills: [
    {
      id: 'match-invoice',
      name: 'Match invoice',
      description: 'Finds the purchase order an invoice belongs to.',
      tags: ['invoices', 'Purchase Orders'],
      examples: ['Which PO is invoice 4711 for?'],
    },
  ],
});

const messages = (doc: unknown) =>
  validateA2aAgentCard(doc).errors.map(e => e.message);

describe('validateA2aAgentCard', () => {
  it('accepts a card of A2A 1.0 and one of A2A 0.3', () => {
    const result = validateA2aAgentCard(card());
    expect(result).toEqual({ ok: true, value: card(), errors: [] });

    const { supportedInterfaces, ...legacy } = card();
    expect(
      messages({
        ...legacy,
        url: 'https://agents.acme.example/invoices/a2a',
        preferredTransport: 'JSONRPC',
        protocolVersion: '0.3.0',
        additionalInterfaces: [
          {
            url: 'https://agents.acme.example/invoices/grpc',
            transport: 'GRPC',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('names each missing or malformed field', () => {
    const doc: any = card();
    delete doc.version;
    doc.skills[0].tags = 'invoices';
    doc.skills.push({ name: 'Second', description: '', tags: [] });
    doc.documentationUrl = 'docs.acme.example';
    doc.provider = { organization: 'Acme Finance' };
    expect(messages(doc)).toEqual(
      expect.arrayContaining([
        'A2A agent card version is required',
        'A2A agent card skills[0].tags must be a list',
        'A2A agent card skills[1].id is required',
        'A2A agent card documentationUrl must be an http or https URL',
        'A2A agent card provider.url is required',
      ]),
    );
    expect(messages(doc)).toHaveLength(5);
  });

  it('requires an interface, in either form', () => {
    const { supportedInterfaces, ...noInterface } = card();
    expect(messages(noInterface)).toEqual([
      'A2A agent card supportedInterfaces is required (or url, in a card of A2A 0.3)',
    ]);
    expect(messages({ ...card(), supportedInterfaces: [] })).toEqual([
      'A2A agent card supportedInterfaces must list at least 1 item',
    ]);
    expect(
      messages({
        ...card(),
        supportedInterfaces: [
          { url: 'https://x.example', protocolVersion: '1.0' },
        ],
      }),
    ).toEqual([
      'A2A agent card supportedInterfaces[0].protocolBinding is required',
    ]);
  });

  it('says so when the document is not an object at all', () => {
    expect(messages([card()])).toEqual(['A2A agent card must be an object']);
    expect(messages(null)).toEqual(['A2A agent card must be an object']);
  });
});
