import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The test runs the module inside the plugin it extends; the module itself never imports it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import agentMeshPlugin from '@agent-mesh/plugin-agent-mesh-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { agentMeshModuleExampleChecks } from './module';

jest.setTimeout(180_000);

// eslint-disable-next-line no-restricted-syntax
const CATALOG = resolvePath(__dirname, '__fixtures__/catalog.yaml');

type Scorecard = {
  entityRef: string;
  score: number;
  checks: { id: string; title: string; status: string; detail: string }[];
};

describe('agentMeshModuleExampleChecks with the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(databaseId: TestDatabaseId) {
    return startTestBackend({
      features: [
        agentMeshPlugin,
        catalogPlugin,
        agentMeshModuleExampleChecks,
        // A database per plugin, as in a real backend (each runs its own migrations).
        createServiceFactory({
          service: coreServices.database,
          deps: {},
          async factory() {
            const knex = await databases.init(databaseId);
            return { getClient: async () => knex };
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            agentMesh: {
              exampleChecks: {
                costCentre: { pattern: '^CC-[0-9]{4}$' },
              },
            },
            catalog: {
              rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
              locations: [{ type: 'file', target: CATALOG }],
            },
          },
        }),
      ],
    });
  }

  it.each(databases.eachSupportedId())(
    'adds the cost-centre check to GET /scorecards, with its status and weight in the score, on %p',
    async databaseId => {
      const backend = await start(databaseId);
      const { port } = backend.server.address() as AddressInfo;
      const base = `http://localhost:${port}/api`;
      try {
        const names = [
          'invoice-matcher',
          'receipt-reader',
          'ledger-export',
          'spend-sketch',
          'budget-bot',
        ];
        for (let attempt = 0; ; attempt++) {
          const res = await fetch(
            `${base}/catalog/entities/by-query?filter=kind=component`,
          );
          const { items } = await res.json();
          if (items.length === names.length) break;
          if (attempt > 240) {
            throw new Error(`The catalog has ${items.length} components`);
          }
          await new Promise(r => setTimeout(r, 250));
        }

        const scorecards: Record<string, Scorecard> = {};
        for (const name of names) {
          const res = await fetch(
            `${base}/agent-mesh/scorecards?entityRef=component:default/${name}`,
          );
          expect(res.status).toBe(200);
          scorecards[name] = await res.json();
        }
        const costCentre = (name: string) =>
          scorecards[name].checks.find(c => c.id === 'cost-centre');

        expect(costCentre('invoice-matcher')).toEqual({
          id: 'cost-centre',
          title: 'Production work declares a cost centre',
          status: 'pass',
          detail: 'Cost centre CC-2002.',
        });
        expect(costCentre('receipt-reader')).toMatchObject({
          status: 'fail',
          detail: expect.stringContaining(
            'No agent-mesh.io/cost-centre annotation on the entity or its owner group:default/labs',
          ),
        });
        expect(costCentre('ledger-export')).toMatchObject({
          status: 'pass',
          detail:
            'Cost centre CC-1001, from the owning team group:default/finance.',
        });
        expect(costCentre('spend-sketch')?.status).toBe('na');
        expect(costCentre('budget-bot')).toMatchObject({
          status: 'fail',
          detail: expect.stringContaining("'marketing'"),
        });

        // The two twins differ only in the annotation, so the check alone moves the score.
        const others = (name: string) =>
          scorecards[name].checks
            .filter(c => c.id !== 'cost-centre')
            .map(c => [c.id, c.status]);
        expect(others('invoice-matcher')).toEqual(others('receipt-reader'));
        expect(scorecards['invoice-matcher'].score).toBeGreaterThan(
          scorecards['receipt-reader'].score,
        );

        // It is configured like a built-in check under agentMesh.scorecards (here in a dry run).
        const dryRun = async (checks: object) => {
          const res = await fetch(`${base}/agent-mesh/scorecards/dry-run`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              config: { checks },
              entityRefs: [
                'component:default/invoice-matcher',
                'component:default/receipt-reader',
              ],
            }),
          });
          expect(res.status).toBe(200);
          const { results } = (await res.json()) as { results: Scorecard[] };
          return Object.fromEntries(
            results.map(r => [r.entityRef.split('/')[1], r]),
          );
        };
        const heavier = await dryRun({ 'cost-centre': { weight: 10 } });
        expect(heavier['invoice-matcher'].score).toBeGreaterThan(
          scorecards['invoice-matcher'].score,
        );
        expect(heavier['receipt-reader'].score).toBeLessThan(
          scorecards['receipt-reader'].score,
        );
        const off = await dryRun({ 'cost-centre': { enabled: false } });
        expect(off['invoice-matcher'].checks.map(c => c.id)).not.toContain(
          'cost-centre',
        );
        expect(off['invoice-matcher'].score).toBe(off['receipt-reader'].score);
      } finally {
        await backend.stop();
      }
    },
  );
});
