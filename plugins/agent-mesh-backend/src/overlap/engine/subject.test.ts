import { Entity } from '@backstage/catalog-model';
import { isOverlapEligible } from '@agent-mesh/plugin-agent-mesh-common';
import { subjectFromEntity } from './subject';
import { OverlapIndex } from './OverlapIndex';
import { loadExampleEntities } from './__testUtils__/examples';

const entities = loadExampleEntities();
const byName = (name: string) => entities.find(e => e.metadata.name === name)!;

describe('subjectFromEntity', () => {
  it('takes an AiArtifact from its spec', () => {
    expect(subjectFromEntity(byName('brand-b-sales-rollup'))).toEqual({
      entityRef: 'aiartifact:default/brand-b-sales-rollup',
      kind: 'AiArtifact',
      title: 'Brand B Weekly Revenue Roll-up',
      description: expect.stringContaining('SFDC opportunities'),
      purpose: expect.stringContaining('single revenue number'),
      type: 'aggregator',
      owner: 'group:default/brand-b',
      tags: ['revenue', 'sales', 'finance'],
      integrations: ['shopify', 'salesforce', 'snowflake'],
      dependencies: ['resource:default/sales-warehouse'],
    });
  });

  it('takes an annotated Component from metadata, type, dependencies, APIs and tags', () => {
    const subject = subjectFromEntity(byName('brand-b-sales-api'));
    expect(subject).toMatchObject({
      entityRef: 'component:default/brand-b-sales-api',
      kind: 'Component',
      type: 'service',
      owner: 'group:default/brand-b',
      purpose: '',
      integrations: ['shopify', 'salesforce'],
      dependencies: [
        'resource:default/sales-warehouse',
        'api:default/sales-rollup-api',
      ],
    });
  });

  it('copes with an entity that has almost nothing', () => {
    expect(subjectFromEntity(byName('competitor-price-scraper'))).toMatchObject(
      {
        title: 'competitor-price-scraper',
        description: '',
        purpose: '',
        tags: [],
        integrations: [],
        dependencies: [],
      },
    );
  });
});

describe('isOverlapEligible', () => {
  const component = (
    annotations: Record<string, string>,
    type = 'service',
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'c', annotations },
    spec: { type, owner: 'group:default/x', lifecycle: 'production' },
  });

  it('takes AiArtifacts and annotated entities of the configured kinds', () => {
    expect(isOverlapEligible(byName('weekly-sales-digest'))).toBe(true);
    expect(isOverlapEligible(byName('brand-b-sales-api'))).toBe(true);
    expect(isOverlapEligible(byName('checkout-service'))).toBe(false);
    expect(isOverlapEligible(byName('sales-warehouse'))).toBe(false);
    expect(isOverlapEligible(byName('brand-a-coder'))).toBe(false);
    const annotated = component({
      'agent-mesh.io/built-by': 'agent:default/a',
    });
    expect(isOverlapEligible(annotated, { kinds: ['API'] })).toBe(false);
  });

  it('takes entities of a configured spec.type without the annotation', () => {
    expect(
      isOverlapEligible(component({}, 'dashboard'), { types: ['dashboard'] }),
    ).toBe(true);
  });

  it('takes MCP servers (API entities of type mcp-server) unless configured otherwise', () => {
    const mcpServer: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'github-mcp' },
      spec: { type: 'mcp-server', owner: 'group:default/x' },
    };
    expect(isOverlapEligible(mcpServer)).toBe(true);
    expect(isOverlapEligible(mcpServer, { types: [] })).toBe(false);
  });
});

describe('two teams running MCP servers for the same system', () => {
  it('overlap as a duplicate, by the system their names give', async () => {
    const server = (
      name: string,
      title: string,
      description: string,
      owner: string,
    ): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name, title, description },
      spec: { type: 'mcp-server', owner, lifecycle: 'production' },
    });
    const index = new OverlapIndex();
    for (const entity of [
      server(
        'github-mcp',
        'GitHub MCP Server',
        'Issues, pull requests and repositories for agents',
        'group:default/a',
      ),
      server(
        'gh-tools',
        'GitHub',
        'Lets coding agents open pull requests and comment on issues',
        'group:default/b',
      ),
      server(
        'jira-mcp',
        'Jira MCP Server',
        'Tickets and sprints for agents',
        'group:default/c',
      ),
      server(
        'slack-mcp',
        'Slack MCP Server',
        'Post and read channel messages',
        'group:default/d',
      ),
      server(
        'postgres-mcp',
        'PostgreSQL MCP Server',
        'Read-only SQL queries for agents',
        'group:default/e',
      ),
    ])
      index.upsert(subjectFromEntity(entity));
    const [match] = await index.query('api:default/github-mcp');
    expect(match).toMatchObject({
      entityRef: 'api:default/gh-tools',
      kind: 'duplicate',
      reasons: expect.arrayContaining(['both integrate github']),
    });
  });
});
