import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SCRIPT = resolve(
  __dirname,
  '../../../../../scripts/postgres-fault-cluster.sh',
);

/** The exit code with which the script says clusters cannot be made here (outside CI). */
const SKIP = 77;

/** A PostgreSQL cluster of a test's own, which the test may restart. */
export interface RestartablePostgres {
  connection: { host: string; port: number; user: string; password: string };
  /** `pg_ctlcluster restart`: every session is ended, then the server starts again. */
  restart(): Promise<void>;
  /** `pg_ctlcluster stop` (fast shutdown) and `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes it. */
  drop(): Promise<void>;
}

/**
 * Creates and starts a cluster of its own on a free port (`scripts/postgres-fault-cluster.sh`),
 * or says why it cannot here. In CI that is an error instead.
 */
export async function createRestartablePostgres(): Promise<
  RestartablePostgres | { unavailable: string }
> {
  const name = `agent_mesh_fault_${process.pid}`;
  const port = await freePort();
  try {
    await run('bash', [SCRIPT, 'create', name, String(port)]);
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    if (code === SKIP) {
      return { unavailable: String(stderr).trim() };
    }
    throw error;
  }
  return {
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: 'postgres',
    },
    restart: async () => {
      await run('bash', [SCRIPT, 'restart', name]);
    },
    stop: async () => {
      await run('bash', [SCRIPT, 'stop', name]);
    },
    start: async () => {
      await run('bash', [SCRIPT, 'start', name]);
    },
    drop: async () => {
      await run('bash', [SCRIPT, 'drop', name]);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? done(address.port)
          : fail(new Error('no port')),
      );
    });
  });
}
