import { ActionCheckpoint } from '@agent-mesh/plugin-agent-mesh-common';
import { ActionStore, StoredAction } from './types';

/** One record of the log as the verifier and the evidence export read it. */
export type ChainRecord =
  | { action: StoredAction; checkpoint?: undefined }
  | { checkpoint: ActionCheckpoint; action?: undefined };

/**
 * The whole log, page by page, in the order `ActionChainVerifier` reads it: actions newest
 * first, each checkpoint just before the action at its seq (those above the newest action
 * first), and after the oldest action the checkpoints below it (retention's among them).
 * Checkpoints are read with their page, so that a retention run during the walk leaves a
 * consistent picture.
 */
export async function* chainPages(
  store: ActionStore,
  options: { pageSize?: number } = {},
): AsyncGenerator<ChainRecord[]> {
  const pageSize = options.pageSize ?? 500;
  let beforeSeq: number | undefined;
  for (;;) {
    const actions = await store.list({ limit: pageSize, beforeSeq });
    if (actions.length === 0) {
      const rest = await store.listCheckpoints({ below: beforeSeq });
      if (rest.length > 0) {
        yield rest.map(checkpoint => ({ checkpoint }));
      }
      return;
    }
    const oldest = actions[actions.length - 1].seq;
    const checkpoints = await store.listCheckpoints({
      atLeast: oldest,
      below: beforeSeq,
    });
    const page: ChainRecord[] = [];
    let next = 0;
    for (const action of actions) {
      while (next < checkpoints.length && checkpoints[next].seq >= action.seq) {
        page.push({ checkpoint: checkpoints[next++] });
      }
      page.push({ action });
    }
    if (actions.length < pageSize) {
      for (const checkpoint of await store.listCheckpoints({ below: oldest })) {
        page.push({ checkpoint });
      }
      yield page;
      return;
    }
    yield page;
    beforeSeq = oldest;
  }
}
