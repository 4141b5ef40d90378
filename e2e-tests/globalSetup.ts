/*
 * Waits until the demo portal is ready for the browser tests: the frontend answers, and the
 * catalog has processed the examples far enough that the brand aggregators carry their
 * overlapsWith relations (the overlap reconcile and the catalog processing loop run on
 * schedules, so right after start the relations are not there yet).
 */
const backend = 'http://localhost:7007';
const frontend = 'http://localhost:3000';
const deadline = Date.now() + 8 * 60_000;

async function poll<T>(what: string, probe: () => Promise<T | undefined>) {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`The portal did not get ready: ${what} (${lastError})`);
}

async function guestToken(): Promise<string> {
  const res = await fetch(`${backend}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  const body = await res.json();
  return body.backstageIdentity.token;
}

export default async function globalSetup() {
  await poll('frontend on :3000', async () => {
    const res = await fetch(frontend);
    return res.ok ? true : undefined;
  });
  const token = await poll('guest sign-in', guestToken);
  await poll('overlapsWith relations on the brand aggregators', async () => {
    const res = await fetch(
      `${backend}/api/catalog/entities/by-name/aiartifact/default/brand-a-sales-aggregator`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!res.ok) return undefined;
    const entity = await res.json();
    const overlaps = (entity.relations ?? []).filter(
      (r: { type: string }) => r.type === 'overlapsWith',
    );
    return overlaps.length > 0 ? true : undefined;
  });
}
