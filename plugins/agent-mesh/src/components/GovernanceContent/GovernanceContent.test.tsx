import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import {
  agent,
  artifact,
  fakeAgentMeshApi,
  group,
  history,
  responseError,
  rollup,
  scorecard,
} from '../../__testUtils__';
import { GovernanceContent } from './GovernanceContent';

function render(api: AgentMeshApi, entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[agentMeshApiRef, api]]}>
      <EntityProvider entity={entity}>
        <GovernanceContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GovernanceContent for an artifact', () => {
  it('shows the score, the level and each check with its status and detail', async () => {
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => scorecard),
      getScorecardHistory: jest.fn(async () => history),
    });
    await render(api, artifact);

    expect(await screen.findByText('Level: Silver')).toBeInTheDocument();
    expect(
      screen.getByRole('group', {
        name: 'Score 86.7 out of 100, level Silver',
      }),
    ).toHaveTextContent('86.7');
    expect(api.getScorecard).toHaveBeenCalledWith(
      'aiartifact:default/brand-a-sales-aggregator',
    );

    const checks = screen.getByRole('table', { name: 'Scorecard checks' });
    const headers = within(checks)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Status',
      'Check',
      'What was found, and what to do',
    ]);
    const rows = within(checks).getAllByRole('row').slice(1);
    // failing first, then warning, exempt, pass, not applicable
    expect(rows.map(row => within(row).getAllByRole('cell')[0].textContent))
      .toMatchInlineSnapshot(`
      [
        "Fail",
        "Warning",
        "Exempt",
        "Pass",
        "Not applicable",
      ]
    `);
    expect(
      within(rows[0]).getByText(/Talk to the other owners/),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('rowheader', {
        name: 'No unacknowledged cross-team overlap',
      }),
    ).toBeInTheDocument();
  });

  it("evaluates an Agent's scorecard, without exemptions", async () => {
    const api = fakeAgentMeshApi({
      getScorecard: async () => ({
        ...scorecard,
        entityRef: 'agent:default/brand-a-coder',
      }),
      getScorecardHistory: async () => history,
    });
    await render(api, agent);
    expect(await screen.findByText('Level: Silver')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith(
      'agent:default/brand-a-coder',
    );
    expect(
      screen.queryByRole('table', { name: 'Scorecard exemptions' }),
    ).not.toBeInTheDocument();
  });

  it('lists the exemptions with their expiry', async () => {
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => scorecard),
      getScorecardHistory: jest.fn(async () => history),
    });
    await render(api, artifact);

    const table = await screen.findByRole('table', {
      name: 'Scorecard exemptions',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]).getByText(
        'Production artifacts are reviewed and classified',
      ),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('Until 2999-12-31')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('Read-only prototype'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'lena-fischer' }),
    ).toHaveAttribute('href', '/catalog/default/user/lena-fischer');
    expect(within(rows[1]).getByText('Expired 2020-01-31')).toBeInTheDocument();
  });

  it('draws the score trend oldest first, described for screen readers', async () => {
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => scorecard),
      getScorecardHistory: jest.fn(async () => history),
    });
    await render(api, artifact);

    const chart = await screen.findByRole('img', { name: /Score over time/ });
    expect(chart.getAttribute('aria-label')).toMatch(
      /^Score over time: 70 on .*, 86\.7 on .*, 2 evaluations$/,
    );
    const table = screen.getByRole('table', { name: 'Score history' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[1].textContent),
    ).toEqual(['70', '86.7']);
    expect(api.getScorecardHistory).toHaveBeenCalledWith(
      'aiartifact:default/brand-a-sales-aggregator',
      { limit: 100 },
    );
  });

  it('says when no history is recorded yet', async () => {
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => scorecard),
      getScorecardHistory: jest.fn(async () => ({
        entityRef: scorecard.entityRef,
        items: [],
      })),
    });
    await render(api, artifact);
    expect(
      await screen.findByText(/No recorded scores yet/),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(fakeAgentMeshApi(), artifact);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows "No scorecard yet" for a 404', async () => {
    const error = await responseError(404, 'no scorecard');
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, artifact);
    expect(await screen.findByText('No scorecard yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(500, 'the database is gone');
    const api = fakeAgentMeshApi({
      getScorecard: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, artifact);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/the database is gone/).length).toBeGreaterThan(
      0,
    );
  });
});

describe('GovernanceContent for a group', () => {
  it('shows the team rollup: average, levels, failing checks, entities', async () => {
    const api = fakeAgentMeshApi({ getRollup: jest.fn(async () => rollup) });
    await render(api, group);

    expect(
      await screen.findByRole('group', {
        name: 'Average score 87.8 out of 100',
      }),
    ).toHaveTextContent('87.8');
    expect(api.getRollup).toHaveBeenCalledWith('group:default/brand-a');
    expect(
      screen.getByText('Average of 2 entities, with 1 sub-team'),
    ).toBeInTheDocument();

    const levels = screen.getByRole('table', { name: 'Entities per level' });
    expect(
      within(levels).getByRole('row', { name: 'Silver 2' }),
    ).toBeInTheDocument();
    expect(
      within(levels).getByRole('row', { name: 'Below every level 0' }),
    ).toBeInTheDocument();

    const failing = screen.getByRole('table', { name: 'Failing checks' });
    expect(
      within(failing).getByRole('row', {
        name: 'No unacknowledged cross-team overlap 1',
      }),
    ).toBeInTheDocument();

    const entities = screen.getByRole('table', { name: 'Scored entities' });
    const links = within(entities).getAllByRole('link');
    expect(links[0]).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-a-sales-aggregator',
    );
    expect(scorecardCalls(api)).toBe(0);
  });

  it('shows "No scorecard yet" when the team has no scored entities', async () => {
    const api = fakeAgentMeshApi({
      getRollup: jest.fn(async () => ({
        ...rollup,
        entityCount: 0,
        averageScore: null,
        entities: [],
        failingChecks: [],
      })),
    });
    await render(api, group);
    expect(await screen.findByText('No scorecard yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(403, 'Not allowed to read scorecards');
    const api = fakeAgentMeshApi({
      getRollup: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, group);
    expect(
      await screen.findByText(/Request failed with 403/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Not allowed to read scorecards/).length,
    ).toBeGreaterThan(0);
  });
});

function scorecardCalls(api: jest.Mocked<AgentMeshApi>) {
  return api.getScorecard.mock.calls.length;
}
