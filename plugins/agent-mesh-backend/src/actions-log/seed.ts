import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { AgentResolver } from './AgentResolver';
import { ingestActions } from './ingest';
import { SEED_WRITER } from './writer';
import { toEntityRef } from './refs';
import {
  actionInputSchema,
  describeIssue,
  ActionInputWithAgent,
} from './schema';
import { ActionStore } from './types';

/** Actions per append while seeding. */
const SEED_BATCH = 500;

/**
 * Reads and validates an NDJSON file of `ActionInput`s (one per line, blank lines skipped). A
 * missing file, a line that is not JSON, an invalid action or a repeated id is an Error that names
 * the file and the line.
 */
export function readSeedFile(file: string): ActionInputWithAgent[] {
  const path = resolvePath(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the action seed file ${path} (agentMesh.actions.seedFile): ${
        (error as Error).message
      }`,
    );
  }
  const inputs: ActionInputWithAgent[] = [];
  const lineOfId = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new Error(
        `${path}:${line}: not valid JSON: ${(error as Error).message}`,
      );
    }
    const parsed = actionInputSchema.safeParse(value);
    if (!parsed.success) {
      throw new Error(
        `${path}:${line}: ${describeIssue(parsed.error.issues[0])}`,
      );
    }
    const earlier = lineOfId.get(parsed.data.id);
    if (earlier !== undefined) {
      throw new Error(
        `${path}:${line}: id '${parsed.data.id}' repeats the id on line ${earlier}`,
      );
    }
    lineOfId.set(parsed.data.id, line);
    inputs.push(parsed.data);
  });
  return inputs;
}

/**
 * Waits until the catalog holds the agents that the inputs name by entity ref, so that the
 * seeded actions are resolved (and chained) with their agents and owners. Gives up after
 * `timeoutMs` and goes on; returns whether every agent was found.
 */
export async function waitForAgents(
  inputs: ActionInputWithAgent[],
  deps: { catalog: CatalogService; auth: AuthService },
  options: { timeoutMs: number; intervalMs: number },
): Promise<boolean> {
  const refs = [
    ...new Set(
      inputs
        .map(i => toEntityRef(i.agent))
        .filter((r): r is string => r?.startsWith('agent:') ?? false),
    ),
  ];
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      const credentials = await deps.auth.getOwnServiceCredentials();
      const { items } = await deps.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata.name'] },
        { credentials },
      );
      if (items.every(Boolean)) {
        return true;
      }
    } catch {
      // The catalog may not answer yet while the backend starts: ask again.
    }
    if (Date.now() >= deadline) {
      return false;
    }
    await new Promise(r => setTimeout(r, options.intervalMs));
  }
}

/** Appends the inputs in batches; ids already stored count as duplicates. */
export async function seedActions(
  inputs: ActionInputWithAgent[],
  deps: { store: ActionStore; resolver: AgentResolver },
): Promise<{ accepted: number; duplicates: number }> {
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < inputs.length; i += SEED_BATCH) {
    const result = await ingestActions(inputs.slice(i, i + SEED_BATCH), deps, {
      writer: SEED_WRITER,
    });
    accepted += result.accepted.length;
    duplicates += result.duplicates.length;
  }
  return { accepted, duplicates };
}

/**
 * Loads `agentMesh.actions.seedFile` into the action log: the file is read and checked right away
 * (a bad file stops the backend with the file and line), and loaded in the background once the
 * catalog knows the agents it names.
 */
export function prepareSeed(options: {
  file: string;
  store: ActionStore;
  resolver: AgentResolver;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  waitTimeoutMs?: number;
}): () => Promise<void> {
  const { file, logger } = options;
  const inputs = readSeedFile(file);
  const path = resolvePath(file);
  return async () => {
    try {
      const ready = await waitForAgents(inputs, options, {
        timeoutMs: options.waitTimeoutMs ?? 120_000,
        intervalMs: 2_000,
      });
      if (!ready) {
        logger.warn(
          `Seeding the action log from ${path} although the catalog does not know all of its agents yet; those actions are stored as from unknown agents`,
        );
      }
      const { accepted, duplicates } = await seedActions(inputs, options);
      logger.info(
        `Seeded the action log from ${path}: ${accepted} accepted, ${duplicates} duplicates`,
      );
    } catch (error) {
      logger.error(
        `Could not seed the action log from ${path}: ${
          (error as Error).message
        }`,
      );
    }
  };
}
