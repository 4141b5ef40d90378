import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { OverlapItem } from '@agent-mesh/plugin-agent-mesh-common';
import {
  AgentMeshOverlapProcessor,
  AgentMeshOverlapProcessorOptions,
  readOverlapEligibility,
} from './AgentMeshOverlapProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const artifact = (name: string): Entity => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'AiArtifact',
  metadata: { name },
  spec: {
    type: 'aggregator',
    owner: 'group:default/brand-a',
    lifecycle: 'production',
  },
});

const component = (
  name: string,
  annotations?: Record<string, string>,
  type = 'service',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type, owner: 'group:default/brand-b', lifecycle: 'production' },
});

const item = (
  entityRef: string,
  extra: Partial<OverlapItem> = {},
): OverlapItem => ({
  entityRef,
  title: entityRef,
  owner: 'group:default/brand-b',
  score: 0.6,
  crossTeam: true,
  kind: 'duplicate',
  acknowledged: false,
  reasons: ['both integrate shopify and salesforce'],
  ...extra,
});

function setup(
  answers: Record<string, OverlapItem[] | undefined | Error> = {},
  options: Partial<AgentMeshOverlapProcessorOptions> & {
    /** The index version the fake backend reports with each answer. */
    indexVersion?: () => number | undefined;
  } = {},
) {
  const { indexVersion, ...processorOptions } = options;
  const getOverlaps = jest.fn(async (ref: string) => {
    const answer = answers[ref];
    if (answer instanceof Error) throw answer;
    return answer && { items: answer, indexVersion: indexVersion?.() };
  });
  const logger = mockServices.logger.mock();
  let now = 1_000_000;
  const processor = new AgentMeshOverlapProcessor({
    client: { getOverlaps },
    logger,
    now: () => now,
    ...processorOptions,
  });
  const run = async (entity: Entity) => {
    const emit = jest.fn();
    await processor.postProcessEntity(entity, location, emit);
    return emit.mock.calls.map(([result]) =>
      result.type === 'relation'
        ? `${result.relation.source.kind.toLowerCase()}:${
            result.relation.source.name
          } ${
            result.relation.type
          } ${result.relation.target.kind.toLowerCase()}:${
            result.relation.target.name
          }`
        : result.type,
    );
  };
  return {
    processor,
    getOverlaps,
    logger,
    run,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('AgentMeshOverlapProcessor', () => {
  it('emits overlapsWith both ways for every match, acknowledged ones included', async () => {
    const { run, getOverlaps } = setup({
      'aiartifact:default/brand-a-sales-aggregator': [
        item('aiartifact:default/brand-b-sales-rollup'),
        item('component:default/brand-c-sync', { acknowledged: true }),
      ],
    });
    expect(await run(artifact('brand-a-sales-aggregator'))).toEqual([
      'aiartifact:brand-a-sales-aggregator overlapsWith aiartifact:brand-b-sales-rollup',
      'aiartifact:brand-b-sales-rollup overlapsWith aiartifact:brand-a-sales-aggregator',
      'aiartifact:brand-a-sales-aggregator overlapsWith component:brand-c-sync',
      'component:brand-c-sync overlapsWith aiartifact:brand-a-sales-aggregator',
    ]);
    expect(getOverlaps).toHaveBeenCalledWith(
      'aiartifact:default/brand-a-sales-aggregator',
    );
  });

  it('emits overlapsWith for duplicates, and for alternatives only when configured', async () => {
    const answers = {
      'aiartifact:default/sentry-digest': [
        item('aiartifact:default/sentry-alerts'),
        item('aiartifact:default/rollbar-digest', { kind: 'alternative' }),
      ],
    };
    expect(await setup(answers).run(artifact('sentry-digest'))).toEqual([
      'aiartifact:sentry-digest overlapsWith aiartifact:sentry-alerts',
      'aiartifact:sentry-alerts overlapsWith aiartifact:sentry-digest',
    ]);
    expect(
      await setup(answers, { includeAlternatives: true }).run(
        artifact('sentry-digest'),
      ),
    ).toEqual([
      'aiartifact:sentry-digest overlapsWith aiartifact:sentry-alerts',
      'aiartifact:sentry-alerts overlapsWith aiartifact:sentry-digest',
      'aiartifact:sentry-digest overlapsWith aiartifact:rollbar-digest',
      'aiartifact:rollbar-digest overlapsWith aiartifact:sentry-digest',
    ]);
  });

  it('asks only for eligible entities', async () => {
    const { run, getOverlaps } = setup(
      {},
      { kinds: ['Component', 'API'], types: ['dashboard'] },
    );
    await run(artifact('a'));
    await run(
      component('annotated', { 'agent-mesh.io/built-by': 'agent:default/x' }),
    );
    await run(component('typed', undefined, 'dashboard'));
    await run(component('plain'));
    await run({
      ...component('resource', { 'agent-mesh.io/built-by': 'agent:default/x' }),
      kind: 'Resource',
    });
    await run({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: {},
    });
    await run({
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'Agent',
      metadata: { name: 'bot' },
      spec: {},
    });
    expect(getOverlaps.mock.calls.map(([ref]) => ref)).toEqual([
      'aiartifact:default/a',
      'component:default/annotated',
      'component:default/typed',
    ]);
  });

  it('reads the eligible kinds and types as the backend does', () => {
    expect(readOverlapEligibility(new ConfigReader({}))).toEqual({
      kinds: ['Component', 'API', 'AiResource'],
      types: ['mcp-server'],
    });
    expect(
      readOverlapEligibility(
        new ConfigReader({
          agentMesh: { overlap: { kinds: ['Resource'], types: ['tool'] } },
        }),
      ),
    ).toEqual({ kinds: ['Resource'], types: ['tool'] });
  });

  it('emits nothing for an entity that the backend has not indexed yet, and no warning', async () => {
    const { run, logger } = setup({});
    expect(await run(artifact('new'))).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('skips malformed refs and the entity itself', async () => {
    const { run } = setup({
      'aiartifact:default/a': [
        item('aiartifact:default/a'),
        item(''),
        item('aiartifact:default/b'),
      ],
    });
    expect(await run(artifact('a'))).toEqual([
      'aiartifact:a overlapsWith aiartifact:b',
      'aiartifact:b overlapsWith aiartifact:a',
    ]);
  });

  it('goes on without relations when the backend is unreachable, with one warning, and backs off', async () => {
    const down = new TypeError('fetch failed');
    const answers: Record<string, OverlapItem[] | Error> = {
      'aiartifact:default/a': down,
      'aiartifact:default/b': down,
    };
    const { run, logger, getOverlaps, advance } = setup(answers, {
      backoffMs: 10_000,
      warnIntervalMs: 60_000,
    });
    expect(await run(artifact('a'))).toEqual([]);
    expect(await run(artifact('b'))).toEqual([]);
    // The second entity did not wait for a request: the backend is known to be down.
    expect(getOverlaps).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /goes on without overlapsWith relations.*fetch failed/,
    );

    // After the back-off it tries again; still down: no second warning within the interval.
    advance(10_000);
    expect(await run(artifact('b'))).toEqual([]);
    expect(getOverlaps).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    // Back up: relations again, and one info line.
    advance(10_000);
    answers['aiartifact:default/a'] = [item('aiartifact:default/b')];
    expect(await run(artifact('a'))).toHaveLength(2);
    expect(logger.info).toHaveBeenCalledTimes(1);

    // Down again after the warning interval: a new warning.
    advance(60_000);
    answers['aiartifact:default/b'] = new Error('Request failed with 500');
    await run(artifact('b'));
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('caches answers per entity for the TTL', async () => {
    const { run, getOverlaps, advance } = setup(
      { 'aiartifact:default/a': [item('aiartifact:default/b')] },
      { cacheTtlMs: 5_000 },
    );
    await run(artifact('a'));
    await run(artifact('a'));
    expect(getOverlaps).toHaveBeenCalledTimes(1);
    advance(5_000);
    expect(await run(artifact('a'))).toHaveLength(2);
    expect(getOverlaps).toHaveBeenCalledTimes(2);
  });

  it('reuses answers after the TTL while the index version that gave them is current', async () => {
    let version = 7;
    const { run, getOverlaps, advance } = setup(
      {
        'aiartifact:default/a': [item('aiartifact:default/b')],
        'aiartifact:default/c': [],
      },
      { cacheTtlMs: 1_000, versionCheckMs: 5_000, indexVersion: () => version },
    );
    await run(artifact('a'));
    advance(2_000);
    // Past the TTL, but version 7 was reported 2 s ago: no request.
    expect(await run(artifact('a'))).toHaveLength(2);
    expect(getOverlaps).toHaveBeenCalledTimes(1);

    // Not confirmed for 5 s: asked again, which confirms version 7 for a while.
    advance(4_000);
    await run(artifact('a'));
    expect(getOverlaps).toHaveBeenCalledTimes(2);
    advance(2_000);
    await run(artifact('a'));
    expect(getOverlaps).toHaveBeenCalledTimes(2);

    // Another entity's answer reports a new version: a's answer is asked for again.
    version = 8;
    await run(artifact('c'));
    expect(getOverlaps).toHaveBeenCalledTimes(3);
    await run(artifact('a'));
    expect(getOverlaps).toHaveBeenCalledTimes(4);
    expect(getOverlaps.mock.calls.map(([ref]) => ref)).toEqual([
      'aiartifact:default/a',
      'aiartifact:default/a',
      'aiartifact:default/c',
      'aiartifact:default/a',
    ]);
  });

  it('does not reuse answers after the TTL when the backend reports no version', async () => {
    const { run, getOverlaps, advance } = setup(
      { 'aiartifact:default/a': [item('aiartifact:default/b')] },
      { cacheTtlMs: 1_000 },
    );
    await run(artifact('a'));
    advance(1_000);
    await run(artifact('a'));
    expect(getOverlaps).toHaveBeenCalledTimes(2);
  });

  it('caps concurrent requests and shares one request per entity', async () => {
    let running = 0;
    let peak = 0;
    const getOverlaps = jest.fn(async (ref: string) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise(r => setTimeout(r, 5));
      running -= 1;
      return {
        items: [
          item(
            ref === 'aiartifact:default/x0'
              ? 'aiartifact:default/x1'
              : 'aiartifact:default/x0',
          ),
        ],
      };
    });
    const processor = new AgentMeshOverlapProcessor({
      client: { getOverlaps },
      logger: mockServices.logger.mock(),
      maxConcurrency: 3,
    });
    const entities = [...Array(20).keys()].map(i => artifact(`x${i}`));
    await Promise.all(
      [...entities, artifact('x0'), artifact('x0')].map(e =>
        processor.postProcessEntity(e, location, jest.fn()),
      ),
    );
    expect(peak).toBe(3);
    expect(getOverlaps).toHaveBeenCalledTimes(20);
  });
});
