import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OverlapConfig } from './engine';
import { entryFromEntity, hashEntry, OverlapEntry } from './entry';
import { streamEligibleEntities } from './catalogEntities';
import { OverlapSubjectStore } from './OverlapSubjectStore';

/** Entries per write transaction. */
const WRITE_BATCH = 500;

export interface ReconcileResult {
  /** Refs written because they are new or changed. */
  upserted: OverlapEntry[];
  /** Refs removed because their entities are gone (or no longer take part). */
  removed: string[];
  /** Eligible entities seen in the catalog. */
  seen: number;
}

/**
 * Makes the store match the catalog: pages through the eligible entities, writes those whose
 * entry hash changed, and removes stored refs that the catalog no longer has. A rename is a new
 * ref plus a removed one. Removals happen only after a complete pass (a failed pass removes
 * nothing), and spare rows written after the pass began (an on-demand refresh of an entity that
 * is newer than the pass's view of the catalog).
 */
export async function reconcileOverlapSubjects(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: OverlapSubjectStore;
  config: Pick<OverlapConfig, 'kinds' | 'types'>;
  logger?: LoggerService;
  signal?: AbortSignal;
}): Promise<ReconcileResult> {
  const { store, signal } = options;
  const { seq: startSeq, hashes } = await store.hashes();
  const seen = new Set<string>();
  const upserted: OverlapEntry[] = [];
  let pending: OverlapEntry[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    await store.write({ upserts: pending });
    upserted.push(...pending);
    pending = [];
  };

  for await (const page of streamEligibleEntities(options)) {
    if (signal?.aborted) throw new Error('The overlap reconcile was aborted');
    for (const entity of page) {
      const entry = entryFromEntity(entity);
      if (seen.has(entry.entityRef)) continue;
      seen.add(entry.entityRef);
      if (hashes.get(entry.entityRef) !== hashEntry(entry)) {
        pending.push(entry);
      }
    }
    if (pending.length >= WRITE_BATCH) await flush();
  }
  await flush();

  const removed = [...hashes.keys()].filter(ref => !seen.has(ref));
  if (removed.length > 0) {
    await store.write({ removes: removed, removeIfSeqAtMost: startSeq });
  }
  options.logger?.info(
    `Overlap reconcile: ${seen.size} eligible entities, ${upserted.length} written, ${removed.length} removed`,
  );
  return { upserted, removed, seen: seen.size };
}
