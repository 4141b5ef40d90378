import { canonicalize } from 'json-canonicalize';

/**
 * What a checkpoint vouches for:
 *
 * - `head`: the log held the action `seq` with `hash` at `createdAt` (written on a schedule);
 * - `retention`: retention removed every action up to `seq`, the last of which had `hash`;
 *   the log goes on at `seq + 1`;
 * - `export`: the newest action of an export, signed when the export was made (never stored).
 *
 * @public
 */
export type ActionCheckpointKind = 'head' | 'retention' | 'export';

/**
 * A statement that the action at `seq` has `hash`, signed with the backend's Ed25519 key when
 * it has one.
 *
 * @public
 */
export interface ActionCheckpoint {
  kind: ActionCheckpointKind;
  /** The action vouched for; 0 with the genesis hash for an empty log. */
  seq: number;
  hash: string;
  /** When the checkpoint was made, ISO 8601 UTC. */
  createdAt: string;
  /** `retention`: how many actions the run removed. */
  removed?: number;
  /** `retention`: actions that occurred before this time (ISO 8601 UTC) were removed. */
  cut?: string;
  /** The signing key's id (`checkpointKeyId`), when signed. */
  keyId?: string;
  /** Ed25519 over `checkpointSignedText`, base64; absent when the backend has no key. */
  signature?: string;
}

/**
 * A checkpoint as a line of an evidence export (`GET /actions/export?format=ndjson&evidence=true`):
 * the lines without `record` are actions.
 *
 * @public
 */
export interface ActionCheckpointRecord extends ActionCheckpoint {
  record: 'checkpoint';
}

/**
 * Separates checkpoint signatures from any other use of the key.
 *
 * @public
 */
export const ACTION_CHECKPOINT_SIGNATURE_CONTEXT =
  'agent-mesh.io/action-checkpoint/v1';

/**
 * The text a checkpoint's signature is made over (UTF-8): RFC 8785 of every field but the
 * signature, with the context, empty fields as null.
 *
 * @public
 */
export function checkpointSignedText(checkpoint: ActionCheckpoint): string {
  return canonicalize({
    context: ACTION_CHECKPOINT_SIGNATURE_CONTEXT,
    kind: checkpoint.kind,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    createdAt: checkpoint.createdAt,
    removed: checkpoint.removed ?? null,
    cut: checkpoint.cut ?? null,
    keyId: checkpoint.keyId ?? null,
  });
}

/**
 * Whether a parsed line of an evidence export is a checkpoint record.
 *
 * @public
 */
export function isActionCheckpointRecord(
  value: unknown,
): value is ActionCheckpointRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { record?: unknown }).record === 'checkpoint'
  );
}
