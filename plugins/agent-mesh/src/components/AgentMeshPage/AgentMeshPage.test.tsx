import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import {
  action,
  artifact,
  fakeAgentMeshApi,
  overview,
} from '../../__testUtils__';
import { AgentMeshPage } from './AgentMeshPage';

function Location() {
  const location = useLocation();
  return <output aria-label="location">{location.search}</output>;
}

function BackButton() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => navigate(-1)}>
      Browser back
    </button>
  );
}

function render(url: string, api: AgentMeshApi = fakeAgentMeshApi()) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [agentMeshApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [artifact] })],
      ]}
    >
      <AgentMeshPage />
      <Location />
      <BackButton />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const search = () => screen.getByRole('status', { name: 'location' });

// The page renders Backstage's Table and the app shell: slow on a busy machine.
jest.setTimeout(30_000);
const SLOW = { timeout: 10_000 };

describe('AgentMeshPage', () => {
  it('opens on the Overview: the organisation overview, then the AI-built entities', async () => {
    const api = fakeAgentMeshApi({
      getOverview: jest.fn(async () => overview),
    });
    await render('/agent-mesh', api);
    expect(
      screen.getByRole('heading', { name: 'Agent Mesh' }),
    ).toBeInTheDocument();
    expect(tab('Overview')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Action log')).toHaveAttribute('aria-selected', 'false');
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAttribute('aria-labelledby', tab('Overview').id);
    expect(
      await within(panel).findByText('At a glance', {}, SLOW),
    ).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith({ period: '30d' });
    expect(
      await within(panel).findByText('Agents and AI-built artifacts', {}, SLOW),
    ).toBeInTheDocument();
    const listed = within(panel)
      .getAllByRole('link', { name: 'Brand A Sales Aggregator' })
      .filter(link => link.closest('tr'));
    expect(listed).toHaveLength(1);
  });

  it('opens the tab named in the URL', async () => {
    await render('/agent-mesh?tab=check');
    expect(tab('Check before you build')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      screen.getByRole('textbox', { name: /What do you want to build/ }),
    ).toBeInTheDocument();
  });

  it('opens the action log with the filters of a link from an entity card', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({
        items: [action()],
        nextCursor: null,
      })),
    });
    await render(
      '/agent-mesh?target=aiartifact%3Adefault%2Fbrand-a-sales-aggregator&agent=agent%3Adefault%2Fbrand-a-coder',
      api,
    );
    expect(tab('Action log')).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW),
    ).toBeInTheDocument();
    expect(api.listActions).toHaveBeenCalledWith({
      target: 'aiartifact:default/brand-a-sales-aggregator',
      agent: 'agent:default/brand-a-coder',
      limit: 50,
    });
  });

  it('keeps an explicit tab even when action filters are present', async () => {
    await render('/agent-mesh?tab=overview&owner=group%3Adefault%2Fbrand-a');
    expect(tab('Overview')).toHaveAttribute('aria-selected', 'true');
  });

  it('selects tabs by keyboard and puts the tab in the URL, keeping the filters', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await render(
      '/agent-mesh?tab=overview&owner=group%3Adefault%2Fbrand-a',
      api,
    );
    const user = userEvent.setup();

    tab('Overview').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Action log')).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(tab('Action log')).toHaveAttribute('aria-selected', 'true');
    expect(new URLSearchParams(search().textContent!).get('tab')).toBe(
      'actions',
    );
    expect(
      await screen.findByText('No actions match these filters'),
    ).toBeInTheDocument();
    expect(api.listActions).toHaveBeenCalledWith({
      owner: 'group:default/brand-a',
      limit: 50,
    });

    await user.keyboard('{ArrowRight}');
    expect(tab('Check before you build')).toHaveFocus();
    await user.keyboard(' ');
    expect(tab('Check before you build')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(search().textContent).toBe(
      '?tab=check&owner=group%3Adefault%2Fbrand-a',
    );
  });

  it('goes back to the previous tab with the browser history', async () => {
    await render('/agent-mesh?tab=check');
    const user = userEvent.setup();
    await user.click(tab('Overview'));
    expect(tab('Overview')).toHaveAttribute('aria-selected', 'true');

    await user.click(screen.getByRole('button', { name: 'Browser back' }));

    expect(tab('Check before you build')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(search().textContent).toBe('?tab=check');
  });
});
