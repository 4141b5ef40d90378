import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseActionStore } from '../../plugins/agent-mesh-backend/src/actions-log/DatabaseActionStore';
import { percentile } from '../lib/report';
import { BenchBackend } from './backend';
import { BenchDatabase } from './databases';
import {
  DEPARTMENTS,
  TEAMS_PER_DEPARTMENT,
  AGENTS_PER_TEAM,
  TYPES,
} from './organisation';

const START_MS = Date.UTC(2025, 11, 1);
/** The stored actions span about a year (one every 31 s for a million). */
const stepSeconds = (rows: number) =>
  Math.max(1, Math.floor(31_000_000 / rows));
const DAY_MS = 86_400_000;

function caseOf(expression: string, values: string[]): string {
  return `CASE ${expression} ${values
    .map((v, i) => `WHEN ${i} THEN '${v}'`)
    .join(' ')} END`;
}

/**
 * Adds `rows` actions after the current head with one INSERT ... SELECT over a generated series
 * (a recursive CTE on SQLite): spread evenly over 50 teams in 10 departments, 500 agents, 10
 * types and about a year. Their hashes are placeholders: the chain is not valid, which reading does not
 * look at.
 */
export async function bulkLoad(db: BenchDatabase, rows: number): Promise<void> {
  const { knex } = db;
  const head = await knex('agent_mesh_actions').max({ seq: 'seq' }).first();
  const base = Number(head?.seq ?? 0);
  const teams = DEPARTMENTS * TEAMS_PER_DEPARTMENT;
  const pg = db.name === 'postgres';
  const step = stepSeconds(rows);
  const text = (e: string) => (pg ? `(${e})::text` : `CAST(${e} AS TEXT)`);
  // i is 1..rows; the team index k (period 50), its department k / 5 and team k % 5; the type
  // changes every 50 rows, so that every team has every type.
  const k = `((i * 7) % ${teams})`;
  const dept = text(`${k} / ${TEAMS_PER_DEPARTMENT}`);
  const team = text(`${k} % ${TEAMS_PER_DEPARTMENT}`);
  const agentNo = text(`(i / 7) % ${AGENTS_PER_TEAM}`);
  const type = caseOf(`((i / 50) % ${TYPES.length})`, TYPES);
  const occurredAt = pg
    ? `to_char(timestamp '2025-12-01' + i * interval '${step} seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${
        START_MS / 1000
      } + i * ${step}, 'unixepoch')`;
  const agent = `'agent:default/agent-' || ${dept} || '-' || ${team} || '-' || ${agentNo}`;
  const owner = `'group:default/team-' || ${dept} || '-' || ${team}`;
  const hash = `'${'0'.repeat(64)}'`;
  const select = `SELECT ${base} + i, 'bulk-' || ${text('i')}, ${occurredAt},
      ${occurredAt}, ${agent}, ${agent}, ${
    pg ? 'true' : '1'
  }, ${type}, NULL, NULL, ${owner},
      NULL, 'bulk loaded action', 'success', NULL, NULL, NULL, 1000, 100, NULL, ${hash}, ${hash}`;
  const columns = `(seq, id, occurred_at, received_at, agent, agent_ref, agent_known, type,
      target, target_ref, owner_ref, on_behalf_of, summary, status, trace_id, span_id, model,
      input_tokens, output_tokens, attributes, prev_hash, hash)`;
  if (pg) {
    await knex.raw(
      `INSERT INTO agent_mesh_actions ${columns} ${select} FROM generate_series(1, ${rows}) AS i`,
    );
    await knex.raw('ANALYZE agent_mesh_actions');
  } else {
    await knex.raw(
      `WITH RECURSIVE series(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM series WHERE i < ${rows})
       INSERT INTO agent_mesh_actions ${columns} ${select} FROM series`,
    );
    await knex.raw('ANALYZE');
  }
}

export interface QueryFigures {
  firstP50: number;
  firstP95: number;
  cursorP50: number;
  cursorP95: number;
  /** The first page read by `DatabaseActionStore.list` in the process, without HTTP. */
  storeP95: number;
  matchedPerPage: number;
}

/**
 * p50 and p95 of `GET /actions` for a department (with its 5 sub-teams), one type and a 30-day window,
 * limit 50: the first page, and the page after it by `nextCursor`.
 */
export async function measureQueries(
  backend: BenchBackend,
  db: BenchDatabase,
  count: number,
): Promise<QueryFigures> {
  const first: number[] = [];
  const next: number[] = [];
  const sql: number[] = [];
  let items = 0;
  // The same page read from the store directly: the database's share of the time.
  const store = await DatabaseActionStore.create({
    database: mockServices.database({ knex: db.knex }),
  });
  const get = async (query: Record<string, string>) => {
    const url = `${backend.baseUrl}/actions?${new URLSearchParams(query)}`;
    const started = performance.now();
    // A kept-alive connection may have been closed by the server during the bulk load.
    const res = await fetch(url, { headers: backend.headers }).catch(() =>
      fetch(url, { headers: backend.headers }),
    );
    const body = (await res.json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    if (res.status !== 200) {
      throw new Error(
        `GET /actions answered ${res.status}: ${JSON.stringify(body)}`,
      );
    }
    return { ms: performance.now() - started, body };
  };
  for (let q = 0; q < count + 10; q++) {
    const since = START_MS + ((q * 37) % 320) * DAY_MS;
    const query = {
      owner: `group:default/dept-${q % DEPARTMENTS}`,
      type: TYPES[(q * 3) % TYPES.length],
      since: new Date(since).toISOString(),
      until: new Date(since + 30 * DAY_MS).toISOString(),
      limit: '50',
    };
    const page = await get(query);
    if (!page.body.nextCursor) {
      throw new Error(`Expected a second page for ${JSON.stringify(query)}`);
    }
    const after = await get({ ...query, cursor: page.body.nextCursor });
    const d = q % DEPARTMENTS;
    const started = performance.now();
    await store.list({
      ownerRefs: [
        `group:default/dept-${d}`,
        ...Array.from(
          { length: TEAMS_PER_DEPARTMENT },
          (_, t) => `group:default/team-${d}-${t}`,
        ),
      ],
      type: query.type,
      since: query.since,
      until: query.until,
      limit: 51,
    });
    const sqlMs = performance.now() - started;
    // The first ten warm up the catalog cache and the connection pool.
    if (q >= 10) {
      first.push(page.ms);
      next.push(after.ms);
      sql.push(sqlMs);
      items += page.body.items.length;
    }
  }
  return {
    firstP50: percentile(first, 50),
    firstP95: percentile(first, 95),
    cursorP50: percentile(next, 50),
    cursorP95: percentile(next, 95),
    storeP95: percentile(sql, 95),
    matchedPerPage: items / count,
  };
}
