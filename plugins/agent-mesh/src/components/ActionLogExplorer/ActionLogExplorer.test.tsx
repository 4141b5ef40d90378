import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fetchApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import {
  action,
  agent,
  fakeAgentMeshApi,
  group,
  responseError,
} from '../../__testUtils__';
import { ActionLogExplorer } from './ActionLogExplorer';

// Backstage's Table in jsdom is slow on a busy machine.
jest.setTimeout(30_000);
const SLOW = { timeout: 10_000 };

function Location() {
  return <output aria-label="location">{useLocation().search}</output>;
}

const fetchApi = { fetch: jest.fn() };

function render(api: AgentMeshApi, url = '/agent-mesh?tab=actions') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [agentMeshApiRef, api],
        [fetchApiRef, fetchApi],
        [catalogApiRef, catalogApiMock({ entities: [agent, group] })],
      ]}
    >
      <ActionLogExplorer />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const query = () =>
  new URLSearchParams(
    screen.getByRole('status', { name: 'location' }).textContent!,
  );

const first = action({ onBehalfOf: 'user:default/jane' });
const second = action({
  seq: 2,
  id: 'act-2',
  occurredAt: '2026-11-16T08:00:00.000Z',
  type: 'deploy',
  summary: 'Deployed the roll-up to production',
  target: 'https://ci.example.com/runs/7',
  targetRef: undefined,
  agentRef: undefined,
  agentKnown: false,
  agent: 'unknown-bot',
  ownerRef: undefined,
  status: 'error',
});
const older = action({
  seq: 3,
  id: 'act-3',
  occurredAt: '2026-11-10T08:00:00.000Z',
  summary: 'Committed the first version',
  type: 'repo.commit',
});

describe('ActionLogExplorer', () => {
  beforeEach(() => fetchApi.fetch.mockReset());

  it('sends the filters of the URL and lists the actions with links', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({
        items: [first, second],
        nextCursor: null,
      })),
    });
    await render(
      api,
      '/agent-mesh?tab=actions&owner=group%3Adefault%2Fbrand-a&type=pr.opened&since=2026-11-01',
    );

    expect(
      await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW),
    ).toBeInTheDocument();
    expect(api.listActions).toHaveBeenCalledWith({
      owner: 'group:default/brand-a',
      type: 'pr.opened',
      since: '2026-11-01',
      limit: 50,
    });
    const ownerField = screen.getByRole('combobox', { name: 'Owner team' });
    expect(ownerField).toHaveValue('group:default/brand-a');
    expect(screen.getByRole('textbox', { name: 'Since' })).toHaveValue(
      '2026-11-01',
    );

    const rows = screen.getAllByRole('row');
    const firstRow = rows.find(row =>
      within(row).queryByText('Opened PR #42: add Snowflake export'),
    )!;
    expect(
      within(firstRow).getByRole('link', { name: 'brand-a-coder' }),
    ).toHaveAttribute('href', '/catalog/default/agent/brand-a-coder');
    expect(
      within(firstRow).getByRole('link', { name: 'brand-a-sales-aggregator' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-a-sales-aggregator',
    );
    expect(
      within(firstRow).getByRole('link', { name: 'brand-a' }),
    ).toHaveAttribute('href', '/catalog/default/group/brand-a');
    expect(
      within(firstRow).getByRole('link', { name: 'jane' }),
    ).toHaveAttribute('href', '/catalog/default/user/jane');
    const secondRow = rows.find(row =>
      within(row).queryByText('Deployed the roll-up to production'),
    )!;
    expect(within(secondRow).getByText('unknown-bot')).toBeInTheDocument();
    expect(
      within(secondRow).getByRole('link', {
        name: /https:\/\/ci\.example\.com\/runs\/7/,
      }),
    ).toBeInTheDocument();
    expect(within(secondRow).getByText('error')).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: /of the 2 loaded actions, 2026-11-16 to 2026-11-18; busiest day 2026-11-16 with 1$/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('End of the log for these filters'),
    ).toBeInTheDocument();
  });

  it("suggests the catalog's agents and teams in their fields", async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await render(api);
    const suggestions = (name: string) => {
      const list = screen.getByRole('combobox', { name }).getAttribute('list')!;
      return [...document.querySelectorAll(`#${list} option`)].map(
        option => (option as HTMLOptionElement).value,
      );
    };
    await waitFor(() =>
      expect(suggestions('Agent')).toEqual(['agent:default/brand-a-coder']),
    );
    expect(suggestions('Owner team')).toEqual(['group:default/brand-a']);
  });

  it('applies typed filters to the URL and the request', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [first], nextCursor: null })),
    });
    await render(api);
    await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW);
    const user = userEvent.setup();

    await user.type(
      screen.getByRole('combobox', { name: 'Agent' }),
      'agent:default/brand-a-coder',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'On behalf of' }),
      'user:default/jane',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Type' }),
      'deploy{Enter}',
    );

    await waitFor(() =>
      expect(api.listActions).toHaveBeenLastCalledWith({
        agent: 'agent:default/brand-a-coder',
        onBehalfOf: 'user:default/jane',
        type: 'deploy',
        limit: 50,
      }),
    );
    expect(query().get('agent')).toBe('agent:default/brand-a-coder');
    expect(query().get('onBehalfOf')).toBe('user:default/jane');
    expect(query().get('type')).toBe('deploy');
    expect(query().get('tab')).toBe('actions');

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() =>
      expect(api.listActions).toHaveBeenLastCalledWith({ limit: 50 }),
    );
    expect(query().toString()).toBe('tab=actions');
  });

  it('turns a relative time range into since', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [first], nextCursor: null })),
    });
    await render(api);
    await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Time range/ }));
    await user.click(screen.getByRole('option', { name: 'Last 7 days' }));
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(query().get('since')).not.toBeNull());
    const since = Date.parse(query().get('since')!);
    const sevenDays = 7 * 24 * 60 * 60 * 1000;
    expect(before - since).toBeGreaterThanOrEqual(sevenDays - 60_000);
    expect(before - since).toBeLessThanOrEqual(sevenDays + 60_000);
  });

  it('loads older pages with the cursor and appends them', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async ({ cursor }: { cursor?: string } = {}) =>
        cursor === 'page-2'
          ? { items: [older], nextCursor: null }
          : { items: [first, second], nextCursor: 'page-2' },
      ),
    });
    await render(api, '/agent-mesh?agent=brand-a-coder-bot');
    await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW);
    expect(
      screen.getByText('2 actions loaded, more in the log'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(
      await screen.findByText('Committed the first version', {}, SLOW),
    ).toBeInTheDocument();
    expect(api.listActions).toHaveBeenLastCalledWith({
      agent: 'brand-a-coder-bot',
      cursor: 'page-2',
      limit: 50,
    });
    expect(
      screen.getByText('Opened PR #42: add Snowflake export'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 actions loaded')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('downloads the export for the filters through the fetch API', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [first], nextCursor: null })),
      exportUrl: jest.fn(
        async ({ format }: { format?: string } = {}) =>
          `http://backend/api/agent-mesh/actions/export?format=${format}&owner=x`,
      ),
    });
    fetchApi.fetch.mockResolvedValue(
      new Response('{"seq":1}\n', {
        status: 200,
        headers: {
          'Content-Disposition':
            'attachment; filename="agent-mesh-actions-20261202T101010Z.ndjson"',
        },
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:actions');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function clickAnchor(this: HTMLAnchorElement) {
        expect(this.download).toBe(
          'agent-mesh-actions-20261202T101010Z.ndjson',
        );
        expect(this.href).toBe('blob:actions');
      });

    await render(api, '/agent-mesh?owner=group%3Adefault%2Fbrand-a');
    await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW);
    await userEvent.click(
      screen.getByRole('button', { name: 'Export NDJSON' }),
    );

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.exportUrl).toHaveBeenCalledWith({
      owner: 'group:default/brand-a',
      format: 'ndjson',
    });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      'http://backend/api/agent-mesh/actions/export?format=ndjson&owner=x',
    );
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(await blob.text()).toBe('{"seq":1}\n');
    click.mockRestore();
  });

  it('shows a failed export', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [first], nextCursor: null })),
      exportUrl: jest.fn(async () => 'http://backend/export'),
    });
    fetchApi.fetch.mockResolvedValue(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Not allowed' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await render(api);
    await screen.findByText('Opened PR #42: add Snowflake export', {}, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(/The export failed/, {}, SLOW),
    ).toBeInTheDocument();
  });

  it('names the bad filter when the backend rejects it', async () => {
    const error = await responseError(
      400,
      'since must be an ISO 8601 date or date-time with a time zone',
      'InputError',
    );
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, '/agent-mesh?since=yesterday');
    expect(
      await screen.findByText(
        'Error: The action log rejected the filters: since must be an ISO 8601 date or date-time with a time zone',
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
  });

  it('says when nothing matches, and when nothing was logged at all', async () => {
    const api = fakeAgentMeshApi({
      listActions: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await render(api, '/agent-mesh?type=deploy');
    expect(
      await screen.findByText('No actions match these filters', {}, SLOW),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(
      await screen.findByText('No agent actions yet', {}, SLOW),
    ).toBeInTheDocument();
  });

  it('shows progress while the first page loads', async () => {
    await render(fakeAgentMeshApi());
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
