/**
 * Node-only parts of Agent Mesh's common library: the action log's hash, checkpoint signatures
 * (Ed25519) and the verifier of the chain, shared by the backend and the `agent-mesh` command
 * line. Uses `node:crypto`; the frontend imports only the main entry.
 *
 * @packageDocumentation
 */

export { hashAction } from './hashAction';
export {
  checkCheckpointSignature,
  checkpointKeyId,
  readEd25519PrivateKey,
  readEd25519PublicKey,
  signCheckpoint,
} from './checkpointSignatures';
export type { CheckpointSignatureStatus } from './checkpointSignatures';
export { ActionChainVerifier } from './ActionChainVerifier';
export type {
  ActionChainVerdict,
  ActionChainVerifierOptions,
} from './ActionChainVerifier';
// The main entry's types that the functions above take and give, so that a reader of this
// entry point needs no other import to name them.
export type {
  ActionChainProblem,
  ActionCheckpoint,
  ActionCheckpointKind,
  ActionCheckpointSummary,
  ChainedAction,
  ChainedActionFields,
} from '../actions';
