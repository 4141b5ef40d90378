import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AiBuiltEntitiesList } from './AiBuiltEntitiesList';

const entities = [
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'AiArtifact',
    metadata: {
      name: 'brand-a-sales-aggregator',
      namespace: 'default',
      description: 'Weekly sales roll-up from Shopify and Salesforce',
    },
    spec: {
      type: 'aggregator',
      owner: 'group:default/brand-a',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/brand-a' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'plain-service', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      lifecycle: 'production',
    },
  },
];

// Backstage's Table in jsdom is slow on a busy machine.
jest.setTimeout(30_000);
const SLOW = { timeout: 10_000 };

describe('AiBuiltEntitiesList', () => {
  it('lists AI-built entities with their owner', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities })]]}>
        <AiBuiltEntitiesList />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('brand-a-sales-aggregator', {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText('brand-a')).toBeInTheDocument();
    expect(
      screen.getByText('Weekly sales roll-up from Shopify and Salesforce'),
    ).toBeInTheDocument();
    expect(screen.queryByText('plain-service')).not.toBeInTheDocument();
  });

  it('says so when nothing AI-built is registered', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[catalogApiRef, catalogApiMock({ entities: [] })]]}
      >
        <AiBuiltEntitiesList />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Nothing AI-built in the catalog yet', {}, SLOW),
    ).toBeInTheDocument();
  });

  it('shows the error when the catalog cannot be read', async () => {
    const failing = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, failing]]}>
        <AiBuiltEntitiesList />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Error: catalog is down', {}, SLOW),
    ).toBeInTheDocument();
  });
});
