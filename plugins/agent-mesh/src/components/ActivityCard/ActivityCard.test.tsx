import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  action,
  agent,
  artifact,
  fakeAgentMeshApi,
  group,
  responseError,
} from '../../__testUtils__';
import { ActivityCard } from './ActivityCard';

function render(
  api: AgentMeshApi,
  entity: Entity,
  options: { mountLog?: boolean } = { mountLog: true },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[agentMeshApiRef, api]]}>
      <EntityProvider entity={entity}>
        <ActivityCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.mountLog ? { '/agent-mesh': rootRouteRef } : {}),
      },
    },
  );
}

const items = [
  action(),
  action({
    seq: 2,
    id: 'act-2',
    occurredAt: '2026-11-17T08:00:00.000Z',
    type: 'deploy',
    summary: 'Deploy to production failed',
    status: 'error',
    agentRef: undefined,
    agentKnown: false,
    agent: 'unknown-bot',
  }),
];

describe('ActivityCard', () => {
  it('lists the latest actions on an artifact with time, agent, type, summary and status', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items, nextCursor: null })),
    });
    await render(api, artifact);

    const list = await screen.findByRole('list', {
      name: 'Latest agent actions',
    });
    expect(api.listActions).toHaveBeenCalledWith({
      target: 'aiartifact:default/brand-a-sales-aggregator',
      limit: 10,
    });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(
      within(first).getByText('Opened PR #42: add Snowflake export'),
    ).toBeInTheDocument();
    expect(within(first).getByText('pr.opened')).toBeInTheDocument();
    expect(within(first).getByText('success')).toBeInTheDocument();
    expect(
      within(first).getByRole('link', { name: 'brand-a-coder' }),
    ).toHaveAttribute('href', '/catalog/default/agent/brand-a-coder');
    expect(
      first.querySelector('time[datetime="2026-11-18T09:34:29.000Z"]'),
    ).not.toBeNull();
    // the target is the entity itself: not repeated
    expect(
      within(first).queryByRole('link', { name: /sales-aggregator/ }),
    ).not.toBeInTheDocument();

    expect(within(second).getByText('by unknown-bot')).toBeInTheDocument();
    expect(within(second).getByText('error')).toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: /View the full action log/ }),
    ).toHaveAttribute(
      'href',
      '/agent-mesh?target=aiartifact%3Adefault%2Fbrand-a-sales-aggregator',
    );
  });

  it('asks for the actions of an Agent and shows their targets', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items, nextCursor: null })),
    });
    await render(api, agent);
    await screen.findByRole('list', { name: 'Latest agent actions' });
    expect(api.listActions).toHaveBeenCalledWith({
      agent: 'agent:default/brand-a-coder',
      limit: 10,
    });
    expect(
      screen.getAllByRole('link', { name: 'brand-a-sales-aggregator' })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-a-sales-aggregator',
    );
    expect(
      screen.getByRole('link', { name: /View the full action log/ }),
    ).toHaveAttribute(
      'href',
      '/agent-mesh?agent=agent%3Adefault%2Fbrand-a-coder',
    );
  });

  it("asks for the actions of a Group's agents", async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items, nextCursor: null })),
    });
    await render(api, group);
    await screen.findByRole('list', { name: 'Latest agent actions' });
    expect(api.listActions).toHaveBeenCalledWith({
      owner: 'group:default/brand-a',
      limit: 10,
    });
  });

  it('leaves the log link out when the app has no Agent Mesh page', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items, nextCursor: null })),
    });
    await render(api, artifact, { mountLog: false });
    await screen.findByRole('list', { name: 'Latest agent actions' });
    expect(
      screen.queryByRole('link', { name: /View the full action log/ }),
    ).not.toBeInTheDocument();
  });

  it('says so when there is no activity', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await render(api, artifact);
    expect(
      await screen.findByText('No agent activity yet'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(fakeAgentMeshApi(), artifact);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(
      403,
      'Not allowed to read the action log',
    );
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, artifact);
    expect(
      await screen.findByText(/Request failed with 403/),
    ).toBeInTheDocument();
  });
});
