import {
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { ActionCheckpoint, checkpointSignedText } from '../actions';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads an Ed25519 private key in PEM (PKCS#8, as `openssl genpkey -algorithm ed25519` writes
 * it). The error names `what` but never shows the key.
 *
 * @public
 */
export function readEd25519PrivateKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${what} is not a private key in PEM: ${messageOf(error)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${what} must be an Ed25519 key, got ${
        key.asymmetricKeyType ?? 'an unknown type'
      }`,
    );
  }
  return key;
}

/**
 * Reads an Ed25519 public key in PEM (SPKI, as `openssl pkey -pubout` writes it).
 *
 * @public
 */
export function readEd25519PublicKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error(`${what} is not a public key in PEM: ${messageOf(error)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${what} must be an Ed25519 key, got ${
        key.asymmetricKeyType ?? 'an unknown type'
      }`,
    );
  }
  return key;
}

const keyIds = new WeakMap<KeyObject, string>();

/**
 * A key's id: the first 16 hex digits of the sha256 of its public key's DER (SPKI) form. It
 * names the key in checkpoints and messages; the signature itself is what is checked.
 *
 * @public
 */
export function checkpointKeyId(key: KeyObject): string {
  let id = keyIds.get(key);
  if (id === undefined) {
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    id = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
    keyIds.set(key, id);
  }
  return id;
}

/**
 * The checkpoint with `keyId` and its Ed25519 signature over `checkpointSignedText`.
 *
 * @public
 */
export function signCheckpoint(
  checkpoint: ActionCheckpoint,
  privateKey: KeyObject,
): ActionCheckpoint {
  const { signature: _signature, ...rest } = checkpoint;
  const unsigned: ActionCheckpoint = {
    ...rest,
    keyId: checkpointKeyId(privateKey),
  };
  return {
    ...unsigned,
    signature: sign(
      null,
      Buffer.from(checkpointSignedText(unsigned), 'utf8'),
      privateKey,
    ).toString('base64'),
  };
}

/**
 * How a checkpoint's signature stands against the trusted public keys: `valid` (signed by one
 * of them), `unsigned`, `unknown-key` (its key id is none of theirs) or `invalid` (the
 * signature does not verify: the checkpoint was changed after it was signed, or is forged).
 *
 * @public
 */
export type CheckpointSignatureStatus =
  | 'valid'
  | 'unsigned'
  | 'unknown-key'
  | 'invalid';

/**
 * Checks a checkpoint's signature against the trusted public keys.
 *
 * @public
 */
export function checkCheckpointSignature(
  checkpoint: ActionCheckpoint,
  trustedKeys: KeyObject[],
): CheckpointSignatureStatus {
  if (checkpoint.signature === undefined || checkpoint.signature === null) {
    return 'unsigned';
  }
  const key = trustedKeys.find(k => checkpointKeyId(k) === checkpoint.keyId);
  if (!key) {
    return 'unknown-key';
  }
  const signature = Buffer.from(checkpoint.signature, 'base64');
  const text = Buffer.from(checkpointSignedText(checkpoint), 'utf8');
  try {
    return verify(null, text, key, signature) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
