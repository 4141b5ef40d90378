import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AgentMeshApi, agentMeshApiRef } from '../../api';
import {
  artifact,
  fakeAgentMeshApi,
  overlaps,
  responseError,
} from '../../__testUtils__';
import { OverlapsCard } from './OverlapsCard';

function render(api: AgentMeshApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[agentMeshApiRef, api]]}>
      <EntityProvider entity={artifact}>
        <OverlapsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('OverlapsCard', () => {
  it('lists each overlap with link, owner, score, reasons and state', async () => {
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => overlaps),
    });
    await render(api);

    const table = await screen.findByRole('table', {
      name: 'Overlapping entities',
    });
    expect(api.getOverlaps).toHaveBeenCalledWith(
      'aiartifact:default/brand-a-sales-aggregator',
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Entity', 'Owner', 'Score', 'Why', 'Status']);
    expect(
      screen.getByText(
        '2 similar entities (2 duplicate, 0 alternative), 1 in other teams',
      ),
    ).toBeInTheDocument();

    const [first, second] = within(table).getAllByTestId('overlap-row');
    const link = within(first).getByRole('link', {
      name: 'Brand B Weekly Revenue Roll-up',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/aiartifact/brand-b-sales-rollup',
    );
    expect(
      within(first).getByRole('link', { name: 'brand-b' }),
    ).toHaveAttribute('href', '/catalog/default/group/brand-b');
    expect(within(first).getByText('83%')).toBeInTheDocument();
    expect(within(first).getByText('Cross-team')).toBeInTheDocument();
    expect(within(first).getByText('Duplicate')).toBeInTheDocument();
    expect(
      within(first).getByText(
        'both integrate shopify, salesforce and snowflake',
      ),
    ).toBeInTheDocument();
    expect(within(first).getByText('Not acknowledged')).toBeInTheDocument();

    expect(within(second).getByText('61%')).toBeInTheDocument();
    expect(within(second).queryByText('Cross-team')).not.toBeInTheDocument();
    expect(within(second).getByText('Acknowledged')).toBeInTheDocument();
  });

  it('marks alternatives and filters by kind', async () => {
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => ({
        ...overlaps,
        items: [
          ...overlaps.items,
          {
            entityRef: 'aiartifact:default/brand-c-hubspot-rollup',
            title: 'Brand C HubSpot Roll-up',
            owner: 'group:default/brand-c',
            score: 0.52,
            crossTeam: true,
            kind: 'alternative' as const,
            acknowledged: false,
            reasons: ['both do crm: salesforce here, hubspot there'],
          },
        ],
      })),
    });
    await render(api);
    const table = await screen.findByRole('table', {
      name: 'Overlapping entities',
    });
    const rows = () => within(table).getAllByTestId('overlap-row');
    expect(rows()).toHaveLength(3);
    expect(within(rows()[2]).getByText('Alternative')).toBeInTheDocument();
    expect(
      within(rows()[2]).getByText(
        'both do crm: salesforce here, hubspot there',
      ),
    ).toBeInTheDocument();

    const filter = screen.getByRole('group', {
      name: 'Show overlaps of kind',
    });
    await userEvent.click(
      within(filter).getByRole('button', { name: 'Alternatives (1)' }),
    );
    expect(rows()).toHaveLength(1);
    expect(
      within(rows()[0]).getByRole('link', { name: 'Brand C HubSpot Roll-up' }),
    ).toBeInTheDocument();
    expect(
      within(filter).getByRole('button', { name: 'Alternatives (1)' }),
    ).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(
      within(filter).getByRole('button', { name: 'Duplicates (2)' }),
    );
    expect(rows()).toHaveLength(2);
    await userEvent.click(
      within(filter).getByRole('button', { name: 'All (3)' }),
    );
    expect(rows()).toHaveLength(3);
  });

  it('lets the keyboard reach every link and the filter', async () => {
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => overlaps),
    });
    await render(api);
    await screen.findByRole('table', { name: 'Overlapping entities' });

    const links = screen.getAllByRole('link');
    // The kind filter's buttons come first.
    const stops = links.length + screen.getAllByRole('button').length;
    const focused: (Element | null)[] = [];
    for (let i = 0; i < stops; i++) {
      await userEvent.tab();
      focused.push(document.activeElement);
    }
    for (const link of links) {
      expect(focused).toContain(link);
    }
  });

  it('says so when nothing overlaps', async () => {
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => ({
        entityRef: overlaps.entityRef,
        items: [],
      })),
    });
    await render(api);
    expect(await screen.findByText('No overlap found')).toBeInTheDocument();
  });

  it('does not say "no overlap" while the index is still being built', async () => {
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => ({
        entityRef: overlaps.entityRef,
        items: [],
        indexReady: false,
        message: 'The overlap index is still being built from the catalog.',
      })),
    });
    await render(api);
    expect(
      await screen.findByText('Info: The overlap index is still being built'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No overlap found')).not.toBeInTheDocument();
  });

  it('says an entity missing from the overlap index was not compared, rather than that nothing overlaps', async () => {
    const error = await responseError(404, 'not in the overlap index');
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api);
    expect(await screen.findByText('Not compared yet')).toBeInTheDocument();
    expect(screen.queryByText('No overlap found')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(fakeAgentMeshApi());
    expect(screen.getByText('Overlaps')).toBeInTheDocument();
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(500, 'overlap index unavailable');
    const api = fakeAgentMeshApi({
      getOverlaps: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
  });
});
