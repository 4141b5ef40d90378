import { BenchBackend } from './backend';

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** A GET of the backend's API as the given user, timed. */
export async function getJson(
  backend: BenchBackend,
  path: string,
  user?: string,
): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${backend.baseUrl}${path}`, {
    headers: backend.headers(user),
  });
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - started };
}

/** Polls `check` until it holds; fails after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 2_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}
