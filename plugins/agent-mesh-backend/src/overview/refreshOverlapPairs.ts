import { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { OverviewEntity } from './catalogEntities';
import { findOverlapPairs, OverlapSource } from './clusters';
import { OverlapPairStore } from './OverlapPairStore';
import { OverviewReadModel } from './OverviewReadModel';

/** The id of the scheduled computation of the overview's overlap pairs (global). */
export const OVERVIEW_PAIRS_TASK_ID = 'agent-mesh-overview-overlap-pairs';

/** The overlap index as the pairs are computed from it. */
export interface OverlapPairSource extends OverlapSource {
  indexReady(): boolean;
  indexVersion(): Promise<number>;
}

/** What the pairs depend on besides the index: which entities are asked, with which owners. */
export function subjectsHash(artifacts: OverviewEntity[]): string {
  const lines = artifacts.map(a => `${a.indexRef} ${a.owner ?? ''}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * Asks the overlap index about every AI-built entity of this replica's snapshot and stores the
 * unacknowledged cross-team overlaps that both sides report, unless the stored pairs were
 * computed from the same index version and the same entities. Nothing is stored while the index
 * is still being built: its answers would be incomplete. Returns whether it computed.
 */
export async function refreshOverlapPairs(options: {
  model: OverviewReadModel;
  overlaps: OverlapPairSource;
  store: OverlapPairStore;
  logger: LoggerService;
  now: () => Date;
  signal?: AbortSignal;
}): Promise<boolean> {
  const { model, overlaps, store, logger, signal } = options;
  // The snapshot is read by each replica's own task; until then there is nothing to ask about.
  const { snapshot } = model.view();
  if (!snapshot || !overlaps.indexReady()) return false;
  const indexVersion = await overlaps.indexVersion();
  const hash = subjectsHash(snapshot.artifacts);
  const state = await store.state();
  if (state?.indexVersion === indexVersion && state.subjectsHash === hash) {
    await model.refreshPairs();
    return false;
  }
  const started = Date.now();
  const pairs = await findOverlapPairs({
    seeds: snapshot.artifacts,
    visible: new Map(snapshot.artifacts.map(a => [a.ref, a])),
    overlaps,
    signal,
  });
  await store.replace(
    pairs.map(({ a, b, score, kind, reasons }) => ({
      a: a.ref,
      b: b.ref,
      score,
      kind,
      reasons,
    })),
    {
      indexVersion,
      subjectsHash: hash,
      computedAt: options.now().toISOString(),
    },
  );
  await model.refreshPairs();
  logger.info(
    `Overview: ${pairs.length} overlap pairs among ${
      snapshot.artifacts.length
    } AI-built entities in ${Date.now() - started} ms`,
  );
  return true;
}
