import { ConfigReader } from '@backstage/config';
import { readA2aConfig } from './config';

const read = (a2a: object | undefined) =>
  readA2aConfig(new ConfigReader(a2a ? { agentMesh: { a2a } } : {}));

describe('readA2aConfig', () => {
  it('is undefined without agentMesh.a2a', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads cards with their defaults, discovery, schedule and limits', () => {
    const config = read({
      cards: [
        { url: 'https://agents.acme.example', owner: 'group:default/finance' },
        {
          url: 'https://agents.acme.example/stock/card.json',
          owner: 'warehouse',
          sponsor: 'user:default/lena-fischer',
          lifecycle: 'experimental',
          type: 'assistant',
          system: 'inventory',
          namespace: 'ops',
          name: 'stock-checker',
        },
      ],
      discovery: { enabled: true },
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      timeout: { seconds: 3 },
      maxCardBytes: 4096,
    })!;
    expect(config.cards).toEqual([
      {
        cardUrl: 'https://agents.acme.example/.well-known/agent-card.json',
        owner: 'group:default/finance',
        sponsor: undefined,
        lifecycle: 'production',
        type: 'a2a-agent',
        system: undefined,
        namespace: 'default',
        name: undefined,
        listedBy: 'config',
      },
      {
        cardUrl: 'https://agents.acme.example/stock/card.json',
        owner: 'warehouse',
        sponsor: 'user:default/lena-fischer',
        lifecycle: 'experimental',
        type: 'assistant',
        system: 'inventory',
        namespace: 'ops',
        name: 'stock-checker',
        listedBy: 'config',
      },
    ]);
    expect(config.discovery).toEqual({
      annotation: 'agent-mesh.io/a2a-card-url',
    });
    expect(config.schedule).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
    });
    expect(config.limits).toEqual({ timeoutMs: 3000, maxBytes: 4096 });
  });

  it('defaults to no discovery, every 30 minutes, 10 s and 1 MiB per card', () => {
    const config = read({ cards: [] })!;
    expect(config.discovery).toBeUndefined();
    expect(config.schedule.frequency).toEqual({ minutes: 30 });
    expect(config.limits).toEqual({ timeoutMs: 10_000, maxBytes: 1024 * 1024 });
  });

  it('names the key of a card without owner or with a URL it cannot fetch', () => {
    expect(() => read({ cards: [{ url: 'https://a.example' }] })).toThrow(
      "Missing required config value at 'agentMesh.a2a.cards[0].owner'",
    );
    expect(() =>
      read({ cards: [{ url: 'agents/card.json', owner: 'finance' }] }),
    ).toThrow(
      'agentMesh.a2a.cards[0].url "agents/card.json" must be an absolute http or https URL',
    );
  });
});
