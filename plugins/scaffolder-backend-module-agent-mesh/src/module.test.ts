import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import express from 'express';
import { scaffolderModuleAgentMesh } from './module';

/** Stands in for the agent-mesh backend plugin: records who asked `POST /similar`. */
function fakeAgentMeshBackend(callers: unknown[]) {
  return createBackendPlugin({
    pluginId: 'agent-mesh',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.post('/similar', async (req, res) => {
            callers.push((await httpAuth.credentials(req)).principal);
            res.json({ items: [] });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

describe('scaffolderModuleAgentMesh', () => {
  it('registers with the scaffolder actions extension point', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleAgentMesh],
    });
    expect(addActions).toHaveBeenCalledTimes(1);
    expect(addActions.mock.calls[0].map((a: { id: string }) => a.id)).toEqual([
      'agent-mesh:check-overlap',
    ]);
  });

  it("asks the agent-mesh plugin with the scaffolder's own service token", async () => {
    const addActions = jest.fn();
    const callers: unknown[] = [];
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleAgentMesh, fakeAgentMeshBackend(callers)],
    });
    const [action] = addActions.mock.calls[0];
    const ctx = createMockActionContext({
      input: { name: 'Digest', description: 'A weekly sales digest' },
    });
    await action.handler(ctx);
    expect(callers).toEqual([
      { type: 'service', subject: 'plugin:scaffolder' },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('blocked', false);
  });
});
