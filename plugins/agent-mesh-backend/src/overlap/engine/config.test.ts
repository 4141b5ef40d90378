import { ConfigReader } from '@backstage/config';
import { DEFAULT_OVERLAP_CONFIG, readOverlapConfig } from './config';

describe('readOverlapConfig', () => {
  it('returns the documented defaults without config', () => {
    expect(readOverlapConfig(new ConfigReader({}))).toEqual(
      DEFAULT_OVERLAP_CONFIG,
    );
    expect(DEFAULT_OVERLAP_CONFIG).toMatchObject({
      threshold: 0.3,
      maxResults: 10,
      kinds: ['Component', 'API', 'AiResource'],
    });
  });

  it('reads threshold, weights, maxResults, kinds and types', () => {
    const config = readOverlapConfig(
      new ConfigReader({
        agentMesh: {
          overlap: {
            threshold: 0.5,
            maxResults: 20,
            kinds: ['Component'],
            types: ['dashboard'],
            weights: { text: 0.8, embeddings: 0.7 },
          },
        },
      }),
    );
    expect(config.threshold).toBe(0.5);
    expect(config.maxResults).toBe(20);
    expect(config.kinds).toEqual(['Component']);
    expect(config.types).toEqual(['dashboard']);
    expect(config.weights.text).toBe(0.8);
    expect(config.weights.embeddings).toBe(0.7);
    expect(config.weights.integrations).toBe(0.6);
  });

  it('rejects values out of range, naming the key', () => {
    const read = (overlap: object) =>
      readOverlapConfig(new ConfigReader({ agentMesh: { overlap } }));
    expect(() => read({ threshold: 1.5 })).toThrow(
      'agentMesh.overlap.threshold',
    );
    expect(() => read({ weights: { tags: -1 } })).toThrow(
      'agentMesh.overlap.weights.tags',
    );
    expect(() => read({ maxResults: 0 })).toThrow(
      'agentMesh.overlap.maxResults',
    );
  });
});
