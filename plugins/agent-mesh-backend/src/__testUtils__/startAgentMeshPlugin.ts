import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { agentMeshPlugin } from '../plugin';
import { capturingScheduler } from './capturingScheduler';
import { mutableCatalog } from './mutableCatalog';

/**
 * The whole agent-mesh plugin in a test backend: on the given database, with a catalog the test
 * can change, scheduled tasks that the test runs itself (`run(taskId)`), and notifications
 * recorded by `send`.
 */
export async function startAgentMeshPlugin(options: {
  knex: Knex;
  catalog: ReturnType<typeof mutableCatalog>;
  send?: jest.Mock;
  extra?: any[];
}) {
  const { scheduler, run } = capturingScheduler();
  const send = options.send ?? jest.fn();
  const { server } = await startTestBackend({
    features: [
      agentMeshPlugin,
      mockServices.database.factory({ knex: options.knex }),
      options.catalog.factory,
      scheduler.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
      ...(options.extra ?? []),
    ],
  });
  return { server, run, send };
}
