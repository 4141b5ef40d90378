import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { InputError, ResponseError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { agentMeshClientServiceRef } from './agentMeshClientServiceRef';

/** Stands in for the agent-mesh backend plugin: answers with who called it. */
const fakeAgentMeshBackend = createBackendPlugin({
  pluginId: 'agent-mesh',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const router = express.Router();
        router.use(express.json());
        router.get('/overlaps', async (req, res) => {
          const credentials = await httpAuth.credentials(req);
          res.json({
            entityRef: req.query.entityRef,
            items: [],
            caller: credentials.principal,
          });
        });
        router.post('/similar', req => {
          // the plugin's own error handling, as in the real backend
          throw new InputError(
            `description is required, got ${typeof req.body.description}`,
          );
        });
        httpRouter.use(router);
      },
    });
  },
});

/** A plugin that uses the client; `GET /api/consumer/...` runs one call. */
const consumer = createBackendPlugin({
  pluginId: 'consumer',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        agentMesh: agentMeshClientServiceRef,
        auth: coreServices.auth,
      },
      async init({ httpRouter, agentMesh, auth }) {
        const router = express.Router();
        router.get('/own', async (_req, res) => {
          res.json(await agentMesh.getOverlaps('aiartifact:default/a'));
        });
        router.get('/on-behalf', async (_req, res) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: mockCredentials.user('user:default/jane'),
            targetPluginId: 'agent-mesh',
          });
          res.json(
            await agentMesh.getOverlaps('aiartifact:default/a', { token }),
          );
        });
        router.get('/bad', async (_req, res) => {
          const error = await agentMesh
            .findSimilar({} as { description: string })
            .catch(e => e);
          res.json({
            isResponseError: error instanceof ResponseError,
            status: error.statusCode,
            message: error.body?.error?.message,
          });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

describe('agentMeshClientServiceRef', () => {
  it('calls the agent-mesh plugin through discovery with the calling plugin’s own token', async () => {
    const { server } = await startTestBackend({
      features: [fakeAgentMeshBackend, consumer],
    });
    const res = await request(server).get('/api/consumer/own');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'aiartifact:default/a',
      items: [],
      caller: { type: 'service', subject: 'plugin:consumer' },
    });
  });

  it('sends a given token instead, e.g. on behalf of a user', async () => {
    const { server } = await startTestBackend({
      features: [fakeAgentMeshBackend, consumer],
    });
    const res = await request(server).get('/api/consumer/on-behalf');
    expect(res.body.caller).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
    });
  });

  it('throws the backend’s error as a ResponseError', async () => {
    const { server } = await startTestBackend({
      features: [fakeAgentMeshBackend, consumer],
    });
    const res = await request(server).get('/api/consumer/bad');
    expect(res.body).toEqual({
      isResponseError: true,
      status: 400,
      message: 'description is required, got undefined',
    });
  });
});
