/* eslint-disable no-console */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const FRONTEND = 'http://localhost:3000';
export const BACKEND = 'http://localhost:7007';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url)) return;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * The demo portal for a browser benchmark: the one already running on :3000 and :7007, or one
 * started here with `yarn start` (and stopped by `stop`).
 */
export async function usePortal(): Promise<{ stop: () => void }> {
  const readiness = `${BACKEND}/.backstage/health/v1/readiness`;
  let child: ChildProcess | undefined;
  if (!(await answers(readiness)) || !(await answers(FRONTEND))) {
    console.log('Starting the demo portal with `yarn start` ...');
    child = spawn('yarn', ['start'], {
      cwd: join(__dirname, '..', '..'),
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    });
  }
  await waitFor(readiness, 10 * 60_000);
  await waitFor(FRONTEND, 10 * 60_000);
  return {
    stop: () => {
      // The whole process group: yarn, backstage-cli and the backend and frontend servers.
      if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    },
  };
}
