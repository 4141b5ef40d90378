import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  agentMeshOverlapSignalsExtensionPoint,
  OverlapSubject,
} from '@agent-mesh/plugin-agent-mesh-node';
import request from 'supertest';
import { loadExampleEntities } from './engine/__testUtils__/examples';
import { OVERLAP_RECONCILE_TASK_ID } from './schedule';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { mutableCatalog } from '../__testUtils__/mutableCatalog';

jest.setTimeout(60_000);

const triage = 'aiartifact:default/support-ticket-triage';
const postmortems = 'aiartifact:default/incident-postmortem-summarizer';

/**
 * What an organisation might plug in: its own map of business capabilities, which knows that
 * two artifacts serve the same one although their descriptions share no words.
 */
const capabilityMapModule = createBackendModule({
  pluginId: 'agent-mesh',
  moduleId: 'test-capability-map',
  register(env) {
    env.registerInit({
      deps: { signals: agentMeshOverlapSignalsExtensionPoint },
      async init({ signals }) {
        const capabilities: Record<string, string[]> = {
          'customer incident response': [triage, postmortems],
        };
        const capabilityOf = (subject: OverlapSubject) =>
          Object.keys(capabilities).find(name =>
            capabilities[name].includes(subject.entityRef),
          );
        signals.addSignal({
          id: 'capability-map',
          weight: 0.5,
          score: (a, b) => {
            const capability = capabilityOf(a);
            return capability && capability === capabilityOf(b)
              ? {
                  score: 1,
                  reasons: [`same business capability: ${capability}`],
                }
              : { score: 0, reasons: [] };
          },
        });
      },
    });
  },
});

describe('an overlap signal from another backend module', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const examples = loadExampleEntities();

  async function overlapsOfTriage(extra: unknown[]) {
    const plugin = await startAgentMeshPlugin({
      knex: await databases.init('SQLITE_3'),
      catalog: mutableCatalog(examples),
      extra,
    });
    await plugin.run(OVERLAP_RECONCILE_TASK_ID);
    const res = await request(plugin.server)
      .get('/api/agent-mesh/overlaps')
      .query({ entityRef: triage });
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      entityRef: string;
      score: number;
      kind: string;
      reasons: string[];
    }>;
  }

  it('changes what GET /overlaps finds, with its reason', async () => {
    const without = await overlapsOfTriage([]);
    expect(without.map(i => i.entityRef)).not.toContain(postmortems);

    const withModule = await overlapsOfTriage([capabilityMapModule]);
    const match = withModule.find(i => i.entityRef === postmortems);
    expect(match).toBeDefined();
    // Zendesk and PagerDuty: the same capability with other products, an alternative.
    expect(match!.kind).toBe('alternative');
    expect(match!.score).toBeGreaterThanOrEqual(0.4);
    expect(match!.reasons).toContain(
      'same business capability: customer incident response',
    );
    // The other matches are the same entities as without the module.
    expect(
      withModule.map(i => i.entityRef).filter(ref => ref !== postmortems),
    ).toEqual(without.map(i => i.entityRef));
  });
});
