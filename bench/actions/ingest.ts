import { BenchBackend } from './backend';
import { BenchDatabase, createRawCopy } from './databases';
import {
  agentName,
  DEPARTMENTS,
  TEAMS_PER_DEPARTMENT,
  AGENTS_PER_TEAM,
  TYPES,
} from './organisation';

export const BATCH = 500;

function actionInput(i: number) {
  const d = i % DEPARTMENTS;
  const t = Math.floor(i / DEPARTMENTS) % TEAMS_PER_DEPARTMENT;
  const a = Math.floor(i / 50) % AGENTS_PER_TEAM;
  return {
    id: `bench-${i}`,
    occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
    agent: `agent:default/${agentName(d, t, a)}`,
    type: TYPES[i % TYPES.length],
    target: `component:default/service-${i % 300}`,
    summary: `Benchmark action ${i}: ${TYPES[i % TYPES.length]} by ${agentName(
      d,
      t,
      a,
    )}`,
    status: 'success',
    model: 'gpt-x',
    inputTokens: 1000 + (i % 500),
    outputTokens: 100 + (i % 50),
    attributes: { 'gen_ai.system': 'openai', run: i },
  };
}

/**
 * Ingest through `POST /actions`, one client sending batches of 500 one after the other, and
 * after each batch the same rows (as stored, hashes included) by a plain multi-row INSERT into
 * a copy of the table with the same columns and indexes: the ceiling of what the database can
 * take. The two alternate batch by batch, so that a change in the machine's load in the middle
 * of the run weighs on both alike.
 */
export async function measureIngest(
  db: BenchDatabase,
  backend: BenchBackend,
  total: number,
): Promise<{ httpPerS: number; rawPerS: number }> {
  const batches = Math.ceil(total / BATCH);
  // The request bodies are built before the clock starts: the client's work is not the API's.
  const bodies = Array.from({ length: batches + 1 }, (_, b) =>
    JSON.stringify({
      actions: Array.from({ length: BATCH }, (__, k) =>
        actionInput(b * BATCH + k),
      ),
    }),
  );
  const post = async (b: number) => {
    const res = await fetch(`${backend.baseUrl}/actions`, {
      method: 'POST',
      headers: { ...backend.headers, 'Content-Type': 'application/json' },
      body: bodies[b],
    });
    if (res.status !== 200) {
      throw new Error(
        `POST /actions answered ${res.status}: ${await res.text()}`,
      );
    }
  };
  const raw = 'bench_raw_actions';
  await createRawCopy(db, raw);
  // One batch first, so that the catalog look-ups of the agents are cached as in steady state.
  await post(batches);
  let lastSeq = Number(
    (await db.knex('agent_mesh_actions').max({ seq: 'seq' }).first())?.seq,
  );
  let httpMs = 0;
  let rawMs = 0;
  let rawRows = 0;
  for (let b = 0; b < batches; b++) {
    let started = performance.now();
    await post(b);
    httpMs += performance.now() - started;

    const rows = await db
      .knex('agent_mesh_actions')
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .select();
    lastSeq = Number(rows[rows.length - 1].seq);
    started = performance.now();
    await db.knex(raw).insert(rows);
    rawMs += performance.now() - started;
    rawRows += rows.length;
  }
  await db.knex.schema.dropTable(raw);
  return {
    httpPerS: (batches * BATCH) / (httpMs / 1000),
    rawPerS: rawRows / (rawMs / 1000),
  };
}
