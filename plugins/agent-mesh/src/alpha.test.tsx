import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';
import { AgentMeshClient, agentMeshApiRef } from './api';
import {
  action,
  agent,
  artifact,
  fakeAgentMeshApi,
  group,
  history,
  overlaps,
  plainComponent,
  scorecard,
} from './__testUtils__';

// The plugin's extensions, by id, as an app that overrides one gets it.
const agentMeshApi = plugin.getExtension('api:agent-mesh');
const agentMeshPage = plugin.getExtension('page:agent-mesh');
const agentMeshGovernanceEntityContent = plugin.getExtension(
  'entity-content:agent-mesh/governance',
);
const agentMeshOverlapsEntityCard = plugin.getExtension(
  'entity-card:agent-mesh/overlaps',
);
const agentMeshActivityEntityCard = plugin.getExtension(
  'entity-card:agent-mesh/activity',
);

// The app boots and the extensions load lazily: slower than a plain component on a busy machine.
const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

function fakeApi() {
  return fakeAgentMeshApi({
    getOverlaps: jest.fn(async () => overlaps),
    getScorecard: jest.fn(async () => scorecard),
    getScorecardHistory: jest.fn(async () => history),
    listActions: jest.fn(async () => ({ items: [action()], nextCursor: null })),
  });
}

function renderEntityPage(entity: Entity, extensions: any[]) {
  const api = fakeApi();
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...extensions],
    apis: [[agentMeshApiRef, api]],
  });
  return api;
}

describe('new frontend system (alpha)', () => {
  it('has the extension ids that app-config uses', () => {
    const ids = [
      'api:agent-mesh',
      'page:agent-mesh',
      'entity-content:agent-mesh/governance',
      'entity-card:agent-mesh/overlaps',
      'entity-card:agent-mesh/activity',
    ];
    for (const id of ids) {
      expect(
        (
          plugin as unknown as { getExtension(id: string): unknown }
        ).getExtension(id),
      ).toBeDefined();
    }
  });

  it('renders the Overlaps and Agent activity cards on an artifact page', async () => {
    const api = renderEntityPage(artifact, [
      agentMeshOverlapsEntityCard,
      agentMeshActivityEntityCard,
    ]);
    expect(
      await screen.findByText('Brand B Weekly Revenue Roll-up', {}, SLOW),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW),
    ).toBeInTheDocument();
    expect(api.getOverlaps).toHaveBeenCalledWith(
      'aiartifact:default/brand-a-sales-aggregator',
    );
  });

  it('renders the Governance content', async () => {
    renderEntityPage(artifact, [agentMeshGovernanceEntityContent]);
    expect(
      await screen.findByText('Level: Silver', {}, SLOW),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Scorecard checks' }),
    ).toBeInTheDocument();
  });

  it('leaves the Overlaps card out on an Agent page, but shows the activity', async () => {
    const api = renderEntityPage(agent, [
      agentMeshOverlapsEntityCard,
      agentMeshActivityEntityCard,
    ]);
    expect(
      await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.queryByText('Overlaps')).not.toBeInTheDocument();
    expect(api.getOverlaps).not.toHaveBeenCalled();
  });

  it('filters: governance and activity for AI-built entities, agents and groups only', () => {
    const filterOf = (extension: any) =>
      createExtensionTester(extension).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ) as (entity: Entity) => boolean;
    const governance = filterOf(agentMeshGovernanceEntityContent);
    const overlapsFilter = filterOf(agentMeshOverlapsEntityCard);
    const activity = filterOf(agentMeshActivityEntityCard);

    expect([artifact, agent, group, plainComponent].map(governance)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([artifact, agent, group, plainComponent].map(activity)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(
      [artifact, agent, group, plainComponent].map(overlapsFilter),
    ).toEqual([true, false, false, false]);
    const annotated: Entity = {
      ...plainComponent,
      metadata: {
        ...plainComponent.metadata,
        annotations: { 'agent-mesh.io/built-by': 'agent:default/x' },
      },
    };
    expect(overlapsFilter(annotated)).toBe(true);
    expect(governance(annotated)).toBe(true);
    // The overlap index leaves a built-by Resource out by default, so the card does too.
    const resource: Entity = { ...annotated, kind: 'Resource' };
    expect(overlapsFilter(resource)).toBe(false);
    expect(governance(resource)).toBe(true);
  });

  it('renders the page with its own header and the tab the URL selects', async () => {
    const api = fakeApi();
    renderTestApp({
      extensions: [agentMeshPage],
      apis: [
        [agentMeshApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [artifact] })],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [
        '/agent-mesh?target=aiartifact%3Adefault%2Fbrand-a-sales-aggregator',
      ],
    });
    expect(
      await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Action log' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getAllByRole('heading', { name: 'Agent Mesh' })).toHaveLength(
      1,
    );
    expect(api.listActions).toHaveBeenCalledWith({
      target: 'aiartifact:default/brand-a-sales-aggregator',
      limit: 50,
    });
  });

  it('provides the API client through the api extension', () => {
    const factory = createExtensionTester(agentMeshApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.agent-mesh.service');
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend' },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(AgentMeshClient);
  });
});
