import {
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { agentMeshPlugin } from '../plugin';
import { capturingScheduler } from './capturingScheduler';

/**
 * The whole agent-mesh plugin in a test backend: on the given database, with a catalog the test
 * can change, scheduled tasks that the test runs itself (`run(taskId)`), and notifications
 * recorded by `send`.
 */
export async function startAgentMeshPlugin(options: {
  knex: Knex;
  /** The catalog service, e.g. `mutableCatalog(...)` or `catalogServiceMock.mock(...)`. */
  catalog: { factory: ServiceFactory };
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
