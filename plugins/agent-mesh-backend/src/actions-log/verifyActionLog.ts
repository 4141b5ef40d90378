import { VerifyActionsResponse } from '@agent-mesh/plugin-agent-mesh-common';
import {
  ActionChainVerdict,
  ActionChainVerifier,
} from '@agent-mesh/plugin-agent-mesh-common/node';
import type { KeyObject } from 'node:crypto';
import { chainPages } from './chainRecords';
import { ActionStore } from './types';

/** The verdict as `GET /actions/verify` answers it. */
export function toVerifyResponse(
  verdict: ActionChainVerdict,
): VerifyActionsResponse {
  const response: VerifyActionsResponse = {
    ok: verdict.ok,
    checked: verdict.checked,
  };
  if (!verdict.ok) {
    const seqs = [...new Set(verdict.problems.map(p => p.seq))];
    response.firstBrokenSeq = seqs[0];
    response.broken = verdict.broken;
    response.brokenSeqs = seqs;
    response.problems = verdict.problems;
  }
  if (verdict.checkpoints.checked > 0) {
    response.checkpoints = verdict.checkpoints;
  }
  return response;
}

/**
 * Verifies the whole log with its checkpoints: every action's hash and link, that nothing is
 * missing down to the genesis or a retention checkpoint, and with `trustedKeys` every
 * checkpoint's signature.
 */
export async function verifyActionLog(
  store: ActionStore,
  options: { pageSize?: number; trustedKeys?: KeyObject[] } = {},
): Promise<VerifyActionsResponse> {
  const verifier = new ActionChainVerifier({
    trustedKeys: options.trustedKeys,
  });
  for await (const page of chainPages(store, options)) {
    for (const record of page) {
      if (record.action) verifier.action(record.action);
      else verifier.checkpoint(record.checkpoint);
    }
  }
  return toVerifyResponse(verifier.finish());
}
