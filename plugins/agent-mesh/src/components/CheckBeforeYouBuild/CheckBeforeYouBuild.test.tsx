import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PostSimilarResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import { fakeAgentMeshApi, responseError } from '../../__testUtils__';
import { CheckBeforeYouBuild } from './CheckBeforeYouBuild';

jest.setTimeout(30_000);
const SLOW = { timeout: 10_000 };

const similar: PostSimilarResponse = {
  items: [
    {
      entityRef: 'aiartifact:default/brand-a-sales-aggregator',
      title: 'Brand A Sales Aggregator',
      owner: 'group:default/brand-a',
      score: 0.834,
      kind: 'duplicate',
      reasons: [
        'both integrate shopify and salesforce',
        'shared terms: sales, weekly',
      ],
    },
    {
      entityRef: 'component:default/revenue-dashboard',
      title: 'Revenue Dashboard',
      score: 0.41,
      kind: 'alternative',
      reasons: ['shared terms: revenue'],
    },
  ],
};

function render(api: AgentMeshApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[agentMeshApiRef, api]]}>
      <CheckBeforeYouBuild />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// Pasting instead of typing key by key: MUI re-renders on each key, which is slow under load.
async function fill(name: string | RegExp, text: string) {
  await userEvent.click(screen.getByRole('textbox', { name }));
  await userEvent.paste(text);
}

const describeWork = (text: string) => fill(/What do you want to build/, text);

const checkButton = () =>
  screen.getByRole('button', { name: 'Check for similar work' });

describe('CheckBeforeYouBuild', () => {
  it('sends the description with its details and lists similar work with owners and scores', async () => {
    const api = fakeAgentMeshApi({ findSimilar: jest.fn(async () => similar) });
    await render(api);
    await describeWork('  A weekly sales roll-up for brand C  ');
    await fill('Integrations', 'shopify, salesforce,');
    await fill('Your team', 'group:default/brand-c');
    await userEvent.click(checkButton());

    const table = await screen.findByRole(
      'table',
      { name: 'Similar existing work' },
      SLOW,
    );
    expect(api.findSimilar).toHaveBeenCalledWith({
      description: 'A weekly sales roll-up for brand C',
      integrations: ['shopify', 'salesforce'],
      owner: 'group:default/brand-c',
    });
    const [, first, second] = within(table).getAllByRole('row');
    expect(
      within(first).getByRole('link', { name: 'Brand A Sales Aggregator' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-a-sales-aggregator',
    );
    expect(
      within(first).getByRole('link', { name: 'brand-a' }),
    ).toHaveAttribute('href', '/catalog/default/group/brand-a');
    const bar = within(first).getByRole('progressbar', {
      name: 'Similarity of Brand A Sales Aggregator: 83%',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '83');
    expect(
      within(first).getByText('both integrate shopify and salesforce'),
    ).toBeInTheDocument();
    expect(within(second).getByText('No owner')).toBeInTheDocument();
    expect(within(second).getByText('41%')).toBeInTheDocument();
  });

  it('catches an empty description before sending', async () => {
    const api = fakeAgentMeshApi({ findSimilar: jest.fn(async () => similar) });
    await render(api);
    await describeWork('   ');
    await userEvent.click(checkButton());

    expect(
      screen.getByText('Describe what you want to build'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: /What do you want to build/ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(api.findSimilar).not.toHaveBeenCalled();
  });

  it('says go ahead when nothing similar exists', async () => {
    const api = fakeAgentMeshApi({
      findSimilar: jest.fn(async () => ({ items: [] })),
    });
    await render(api);
    await describeWork('A badge printer for the front desk');
    await userEvent.click(checkButton());
    expect(
      await screen.findByText('Nothing similar found — go ahead', {}, SLOW),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason when it rejects the check", async () => {
    const error = await responseError(
      400,
      'integrations must be an array of strings',
      'InputError',
    );
    const api = fakeAgentMeshApi({
      findSimilar: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api);
    await describeWork('A sales roll-up');
    await userEvent.click(checkButton());
    expect(
      await screen.findByText(
        'Error: The check was rejected: integrations must be an array of strings',
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
  });

  it('shows other backend errors', async () => {
    const error = await responseError(503, 'The overlap index is starting');
    const api = fakeAgentMeshApi({
      findSimilar: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api);
    await describeWork('A sales roll-up');
    await userEvent.click(checkButton());
    expect(
      await screen.findByText(/Request failed with 503/, {}, SLOW),
    ).toBeInTheDocument();
  });
});
