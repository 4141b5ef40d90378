import { validateAgentMeshEntity } from '@agent-mesh/plugin-agent-mesh-common';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { startSimilarBackend } from './__testUtils__/similarBackend';
import { scaffolderModuleAgentMesh } from './module';

jest.setTimeout(60_000);

// The example template of the repository, as a user of the demo portal runs it.
// eslint-disable-next-line no-restricted-syntax
const templateDir = join(
  __dirname,
  '../../../examples/templates/register-ai-tool',
);

function readDirectoryContents(dir: string, root = dir) {
  return readdirSync(dir).flatMap(
    (name): { path: string; base64Content: string }[] => {
      const path = join(dir, name);
      if (statSync(path).isDirectory())
        return readDirectoryContents(path, root);
      return [
        {
          path: relative(root, path),
          base64Content: readFileSync(path).toString('base64'),
        },
      ];
    },
  );
}

const aggregators = [
  {
    entityRef: 'aiartifact:default/brand-a-sales-aggregator',
    title: 'Brand A Sales Aggregator',
    owner: 'group:default/brand-a',
    score: 0.72,
    reasons: ['both integrate shopify and salesforce'],
  },
  {
    entityRef: 'aiartifact:default/brand-b-sales-rollup',
    title: 'Brand B Weekly Revenue Roll-up',
    owner: 'group:default/brand-b',
    score: 0.61,
    reasons: ['similar purpose: weekly sales roll-up'],
  },
];

const values = {
  name: 'weekly-sales-digest-2',
  title: 'Weekly Sales Digest 2',
  description:
    'A weekly digest of Shopify orders and Salesforce deals across all brands',
  type: 'aggregator',
  integrations: ['shopify', 'salesforce'],
  owner: 'group:default/marketing',
  lifecycle: 'proposed',
};

/**
 * Runs the example template through the real scaffolder backend's dry run (the same engine as
 * a real run: the template's parameters, its steps with the real built-in actions, and its
 * output), with the agent-mesh backend's POST /similar answered from a local stand-in.
 */
async function dryRun(
  similar: Awaited<ReturnType<typeof startSimilarBackend>>,
  input: Record<string, unknown>,
) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleAgentMesh,
      catalogServiceMock.factory(),
      createServiceFactory({
        service: coreServices.discovery,
        deps: {},
        factory: () => ({
          getBaseUrl: async (pluginId: string) =>
            pluginId === 'agent-mesh'
              ? similar.baseUrl
              : `http://localhost:0/api/${pluginId}`,
          getExternalBaseUrl: async (pluginId: string) =>
            `http://localhost:0/api/${pluginId}`,
        }),
      }),
    ],
  });
  const template = parse(
    readFileSync(join(templateDir, 'template.yaml'), 'utf8'),
  );
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template,
      values: input,
      directoryContents: readDirectoryContents(templateDir),
    });
}

function writtenEntity(body: any) {
  const file = body.directoryContents.find(
    (f: { path: string }) => f.path === 'catalog-info.yaml',
  );
  expect(file).toBeDefined();
  return parse(Buffer.from(file.base64Content, 'base64').toString('utf8'));
}

describe('example template "Register an AI-built tool"', () => {
  let similar: Awaited<ReturnType<typeof startSimilarBackend>>;
  afterEach(async () => {
    await similar?.close();
  });

  it('stops before writing anything when other teams already built the same thing', async () => {
    similar = await startSimilarBackend(() => ({
      status: 200,
      body: { items: aggregators },
    }));
    const res = await dryRun(similar, values);

    // The dry run answers like a failed task: the error of the failed step, nothing written.
    expect(res.status).toBe(500);
    const message = res.body.error.message;
    expect(message).toContain('2 existing artifact(s) already do this job');
    expect(message).toContain(
      'Brand A Sales Aggregator (aiartifact:default/brand-a-sales-aggregator), owned by group:default/brand-a',
    );
    expect(message).toContain('Brand B Weekly Revenue Roll-up');
    // The template asked the backend with what the user typed.
    expect(similar.requests[0].body).toMatchObject({
      title: 'Weekly Sales Digest 2',
      type: 'aggregator',
      integrations: ['shopify', 'salesforce'],
      owner: 'group:default/marketing',
    });
  });

  it('writes a valid AiArtifact that records the acknowledgement, and shows the matches', async () => {
    similar = await startSimilarBackend(() => ({
      status: 200,
      body: { items: aggregators },
    }));
    const reason = 'An e-mail digest for leadership, not a per-brand report';
    const res = await dryRun(similar, { ...values, acknowledgement: reason });

    expect(res.status).toBe(200);
    const entity = writtenEntity(res.body);
    expect(validateAgentMeshEntity(entity)).toEqual([]);
    expect(entity).toMatchObject({
      kind: 'AiArtifact',
      metadata: {
        name: 'weekly-sales-digest-2',
        title: 'Weekly Sales Digest 2',
        description: values.description,
      },
      spec: {
        type: 'aggregator',
        owner: 'group:default/marketing',
        lifecycle: 'proposed',
        integrations: ['shopify', 'salesforce'],
        acknowledgedOverlaps: [
          { entityRef: 'aiartifact:default/brand-a-sales-aggregator', reason },
          { entityRef: 'aiartifact:default/brand-b-sales-rollup', reason },
        ],
      },
    });

    // The user sees the existing work, with links to it, when the template finishes.
    expect(res.body.output.links).toEqual([
      expect.objectContaining({
        title: 'Brand A Sales Aggregator (closest existing work)',
        entityRef: 'aiartifact:default/brand-a-sales-aggregator',
      }),
      expect.objectContaining({
        title: 'Brand B Weekly Revenue Roll-up',
        entityRef: 'aiartifact:default/brand-b-sales-rollup',
      }),
    ]);
    const text = res.body.output.text[0].content;
    expect(text).toContain('Brand A Sales Aggregator');
    expect(text).toContain('owned by group:default/brand-a, score 0.72');
  });

  it('writes the entity without acknowledgements when nothing similar exists', async () => {
    similar = await startSimilarBackend(() => ({
      status: 200,
      body: { items: [] },
    }));
    const res = await dryRun(similar, values);

    expect(res.status).toBe(200);
    const entity = writtenEntity(res.body);
    expect(validateAgentMeshEntity(entity)).toEqual([]);
    expect(entity.spec.acknowledgedOverlaps).toEqual([]);
    expect(res.body.output.links).toEqual([]);
    expect(res.body.output.text[0].content).toContain(
      'Nothing similar found: you are the first to build this.',
    );
  });

  it('refuses values that break the template parameters', async () => {
    similar = await startSimilarBackend(() => ({
      status: 200,
      body: { items: [] },
    }));
    const res = await dryRun(similar, { ...values, name: 'Not A Valid Name' });

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('pattern');
    expect(similar.requests).toEqual([]);
  });
});
