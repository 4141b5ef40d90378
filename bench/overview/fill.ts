/* eslint-disable no-console */
import { BenchBackend, startBenchBackend } from './backend';
import { getJson, waitFor } from './http';
import { BenchOrganisation, generateActions } from './organisation';

/** What filling the databases took. */
export interface FillFigures {
  ingestSeconds: number;
  /** From the overlap index settling until the overview said it was complete. */
  readModelSeconds: number;
}

async function sendActions(
  backend: BenchBackend,
  organisation: BenchOrganisation,
  count: number,
) {
  const actions = generateActions(organisation, count, new Date());
  for (let i = 0; i < actions.length; i += 1000) {
    const res = await fetch(`${backend.baseUrl}/agent-mesh/actions`, {
      method: 'POST',
      headers: { ...backend.headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ actions: actions.slice(i, i + 1000) }),
    });
    if (res.status !== 200) {
      throw new Error(`POST /actions: ${res.status} ${await res.text()}`);
    }
  }
}

/**
 * Phase 1: a backend on empty databases ingests the organisation, takes the actions, and runs
 * its scheduled tasks until the scorecards of every entity are recorded, the overlap store has
 * settled and the overview says it is complete; then it stops.
 */
export async function fillDatabases(options: {
  catalogFile: string;
  databaseDir: string;
  organisation: BenchOrganisation;
  actions: number;
}): Promise<FillFigures> {
  const { organisation } = options;
  const expected = organisation.entities.length;
  console.log(`Phase 1: ingesting ${expected} catalog entities ...`);
  const ingestStarted = performance.now();
  const backend = await startBenchBackend(options);
  try {
    await waitFor(
      'the catalog to ingest the organisation',
      async () => {
        const { body } = await getJson(
          backend,
          '/catalog/entities/by-query?limit=1&fields=kind&filter=kind=group,kind=agent,kind=aiartifact,kind=component',
        );
        return body.totalItems >= expected;
      },
      60 * 60_000,
    );
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    console.log(`Catalog ingested in ${ingestSeconds.toFixed(0)} s`);

    console.log(`Sending ${options.actions} actions ...`);
    await sendActions(backend, organisation, options.actions);

    console.log('Waiting for the scorecards and the overlap store ...');
    const scored = organisation.workRefs.length + organisation.agents;
    await waitFor(
      'the scorecards of every entity',
      async () => {
        const { body } = await getJson(
          backend,
          '/agent-mesh/scorecards/rollup',
        );
        return (body.entityCount ?? 0) >= scored;
      },
      30 * 60_000,
      5_000,
    );
    const workRef = organisation.workRefs[organisation.workRefs.length - 1];
    let lastVersion: number | undefined;
    await waitFor(
      'the overlap store to settle',
      async () => {
        const { body } = await getJson(
          backend,
          `/agent-mesh/overlaps?entityRef=${encodeURIComponent(workRef)}`,
        );
        const settled =
          body.indexReady === true && body.indexVersion === lastVersion;
        lastVersion = body.indexVersion;
        return settled;
      },
      30 * 60_000,
      15_000,
    );

    console.log('Waiting for the overview to be complete ...');
    const settledAt = performance.now();
    await waitFor(
      'a complete overview',
      async () => {
        // A small team: cheap also where the overview is computed per request.
        const { status, body } = await getJson(
          backend,
          '/agent-mesh/overview?period=7d&owner=team-0',
        );
        return status === 200 && body.indexReady !== false;
      },
      60 * 60_000,
      5_000,
    );
    return {
      ingestSeconds,
      readModelSeconds: (performance.now() - settledAt) / 1000,
    };
  } finally {
    await backend.stop();
  }
}
