import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { GetOverviewResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import { fakeAgentMeshApi, overview, responseError } from '../../__testUtils__';
import { OrganisationOverview } from './OrganisationOverview';

// Charts render slowly in jsdom on a busy machine.
jest.setTimeout(30_000);
const LOADED = { timeout: 10_000 };

function render(api: AgentMeshApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[agentMeshApiRef, api]]}>
      <OrganisationOverview />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const withOverview = (value: GetOverviewResponse = overview) =>
  fakeAgentMeshApi({ getOverview: jest.fn(async () => value) });

describe('OrganisationOverview', () => {
  it('asks for the last 30 days and shows the totals', async () => {
    const api = withOverview();
    await render(api);
    expect(
      await screen.findByText('At a glance', {}, LOADED),
    ).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith({ period: '30d' });
    const totals = screen.getByText('Agent actions in 30 days').parentElement!;
    expect(within(totals).getByText('42')).toBeInTheDocument();
    expect(
      screen.getByText('Overlap clusters', { selector: 'dt' }),
    ).toBeInTheDocument();
  });

  it('lists teams with sub-teams included, and links each team', async () => {
    await render(withOverview());
    const table = await screen.findByRole('table', { name: 'Teams' }, LOADED);
    const rows = within(table).getAllByTestId('team-row');
    // The team without any work is left out of the table and counted below it.
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0]).getByRole('link', { name: 'Brands' }),
    ).toHaveAttribute('href', '/catalog/default/group/brands');
    expect(within(rows[0]).getByText('3 (0 own)')).toBeInTheDocument();
    expect(within(rows[1]).getByText('in brands')).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 more team has nothing built with AI and no agent actions.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /most actions: Brand A with 25/ }),
    ).toBeInTheDocument();
  });

  it('shows each overlap cluster with its teams and links to its members', async () => {
    await render(withOverview());
    const cluster = await screen.findByRole(
      'region',
      { name: '3 sales aggregators: brand-a, brand-b, brand-c' },
      LOADED,
    );
    expect(
      within(cluster).getByRole('heading', {
        name: '3 sales aggregators: brand-a, brand-b, brand-c',
      }),
    ).toBeInTheDocument();
    expect(
      within(cluster).getByRole('link', {
        name: 'Brand B Weekly Revenue Roll-up',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-b-sales-rollup',
    );
    expect(
      within(cluster).getByText('Strongest overlap 72%'),
    ).toBeInTheDocument();
    expect(
      within(cluster).getByText('both integrate shopify and salesforce'),
    ).toBeInTheDocument();
  });

  it('links what is new and the agents that built it', async () => {
    await render(withOverview());
    const list = await screen.findByRole(
      'list',
      { name: 'New this period' },
      LOADED,
    );
    expect(
      within(list).getByRole('link', { name: 'Brand B Sales API' }),
    ).toHaveAttribute('href', '/catalog/default/component/brand-b-sales-api');
    expect(
      within(list).getByRole('link', { name: 'brand-b-coder' }),
    ).toHaveAttribute('href', '/catalog/default/agent/brand-b-coder');
  });

  it('lists agents, most active first, and says when one never acted', async () => {
    await render(withOverview());
    const table = await screen.findByRole('table', { name: 'Agents' }, LOADED);
    const [first, second] = within(table).getAllByTestId('agent-row');
    expect(
      within(first).getByRole('link', { name: 'Brand A Coding Agent' }),
    ).toBeInTheDocument();
    expect(within(first).getByText('25')).toBeInTheDocument();
    expect(within(second).getByText('No owner')).toBeInTheDocument();
    expect(within(second).getByText('Never')).toBeInTheDocument();
  });

  it('describes the score and activity charts for screen readers', async () => {
    await render(withOverview());
    expect(
      await screen.findByRole(
        'img',
        { name: 'Entities per level: Gold 1, Silver 2, Bronze 1, none 1' },
        LOADED,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Actions per day (UTC), 2026-11-16 to 2026-11-18; busiest day 2026-11-16 with 30',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('repo.commit: 30')).toBeInTheDocument();
  });

  it('switches the period from the keyboard', async () => {
    const api = withOverview();
    await render(api);
    await screen.findByText('At a glance', {}, LOADED);
    const week = screen.getByRole('button', { name: '7 days' });
    expect(week).toHaveAttribute('aria-pressed', 'false');
    week.focus();
    await userEvent.keyboard('{Enter}');
    expect(api.getOverview).toHaveBeenLastCalledWith({ period: '7d' });
    expect(
      await screen.findByText('New in the last 7 days'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('shows progress while loading', async () => {
    await render(fakeAgentMeshApi());
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const error = await responseError(
      403,
      'Not allowed to read the overview',
      'NotAllowedError',
    );
    await render(
      fakeAgentMeshApi({
        getOverview: jest.fn(async () => Promise.reject(error)),
      }),
    );
    const shown = await screen.findAllByText(
      /Not allowed to read the overview/,
      {},
      LOADED,
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(screen.queryByText('At a glance')).not.toBeInTheDocument();
  });

  it('explains what to do when nothing is built with AI yet', async () => {
    await render(
      withOverview({
        ...overview,
        totals: { ...overview.totals, agents: 0, artifacts: 0 },
      }),
    );
    expect(
      await screen.findByText('Nothing built with AI yet', {}, LOADED),
    ).toBeInTheDocument();
  });

  it('says so in each part that has nothing to show', async () => {
    await render(
      withOverview({
        ...overview,
        totals: { ...overview.totals, actions: 0, scoredEntities: 0 },
        newThisPeriod: [],
        overlapClusters: [],
        agents: [],
      }),
    );
    expect(
      await screen.findByText(
        'No unacknowledged overlaps between teams.',
        {},
        LOADED,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nothing new appeared in the last 30 days.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/No agents in the catalog/)).toBeInTheDocument();
    expect(
      screen.getByText(/No scorecard has been recorded yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No agent actions were logged in this period.'),
    ).toBeInTheDocument();
  });
});
