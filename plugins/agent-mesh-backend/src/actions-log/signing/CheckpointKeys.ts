import {
  ActionCheckpoint,
  ActionSigningKey,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  checkpointKeyId,
  readEd25519PrivateKey,
  readEd25519PublicKey,
  signCheckpoint,
} from '@agent-mesh/plugin-agent-mesh-common/node';
import { Config } from '@backstage/config';
import { createPublicKey, KeyObject } from 'node:crypto';

const CONFIG_KEY = 'agentMesh.actions.signing';

function pemOf(key: KeyObject): string {
  return String(key.export({ type: 'spki', format: 'pem' }));
}

/**
 * The keys of the action log's checkpoints: the Ed25519 private key that signs new ones
 * (`agentMesh.actions.signing.privateKey`), and the public keys whose signatures verify, the
 * current one first and then `previousPublicKeys`. Without a private key checkpoints are
 * unsigned.
 */
export class CheckpointKeys {
  static fromConfig(config: Config): CheckpointKeys {
    const signing = config.getOptionalConfig(CONFIG_KEY);
    const pem = signing?.getOptionalString('privateKey');
    if (!pem && signing?.getOptionalBoolean('required')) {
      throw new Error(
        `${CONFIG_KEY}.required is set, but ${CONFIG_KEY}.privateKey is not: give the Ed25519 key that signs the action log's checkpoints (e.g. from an environment variable)`,
      );
    }
    const privateKey = pem
      ? readEd25519PrivateKey(pem, `${CONFIG_KEY}.privateKey`)
      : undefined;
    const previous = (
      signing?.getOptionalStringArray('previousPublicKeys') ?? []
    ).map((p, i) =>
      readEd25519PublicKey(p, `${CONFIG_KEY}.previousPublicKeys[${i}]`),
    );
    return new CheckpointKeys(privateKey, previous);
  }

  /** Keys for tests and for a backend without signing. */
  static of(options: { privateKey?: KeyObject; previous?: KeyObject[] } = {}) {
    return new CheckpointKeys(options.privateKey, options.previous ?? []);
  }

  private readonly publicKey?: KeyObject;

  private constructor(
    private readonly privateKey: KeyObject | undefined,
    private readonly previous: KeyObject[],
  ) {
    this.publicKey = privateKey && createPublicKey(privateKey);
  }

  /** Whether new checkpoints are signed. */
  get signing(): boolean {
    return this.privateKey !== undefined;
  }

  /** The checkpoint, signed when there is a private key. */
  sign(checkpoint: ActionCheckpoint): ActionCheckpoint {
    return this.privateKey
      ? signCheckpoint(checkpoint, this.privateKey)
      : checkpoint;
  }

  /** The keys whose signatures verify, or undefined when there are none to check with. */
  trustedKeys(): KeyObject[] | undefined {
    const keys = [
      ...(this.publicKey ? [this.publicKey] : []),
      ...this.previous,
    ];
    return keys.length > 0 ? keys : undefined;
  }

  /** The public keys, for `GET /actions/signing-keys`. */
  describe(): ActionSigningKey[] {
    return (this.trustedKeys() ?? []).map(key => ({
      keyId: checkpointKeyId(key),
      algorithm: 'Ed25519',
      publicKey: pemOf(key),
      current: key === this.publicKey,
    }));
  }
}
