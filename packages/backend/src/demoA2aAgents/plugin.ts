import { promises as fs } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

/** Where the demo's agent cards are, relative to the backend's working directory. */
const CARDS_DIR = '../../examples/a2a';
const CARD_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Demo only: stands in for A2A agents that run elsewhere, serving each card in
 * `examples/a2a/<name>.json` at `/api/demo-a2a-agents/<name>/.well-known/agent-card.json`, as an
 * A2A server publishes its card. The protocol makes agent cards public, so the route lets
 * unauthenticated callers in. The catalog module's A2A provider reads them (`agentMesh.a2a`).
 */
export default createBackendPlugin({
  pluginId: 'demo-a2a-agents',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.get('/:name/.well-known/agent-card.json', async (req, res) => {
          const { name } = req.params;
          if (!CARD_NAME.test(name)) {
            res.status(404).json({ error: `no agent ${name}` });
            return;
          }
          try {
            const card = await fs.readFile(
              resolvePath(process.cwd(), CARDS_DIR, `${name}.json`),
              'utf8',
            );
            res.type('application/json').send(card);
          } catch {
            res.status(404).json({ error: `no agent ${name}` });
          }
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});
