import { readEd25519PublicKey } from '@agent-mesh/plugin-agent-mesh-common/node';
import type { KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { resolve as resolvePath } from 'node:path';

/**
 * The keys of `--public-key` options: each a PEM text (SPKI, as `openssl pkey -pubout` writes
 * it) or the path of a file that holds one. Throws with the option's value when one cannot be
 * read or is not an Ed25519 public key.
 */
export async function readPublicKeys(
  values: string[],
  options: { cwd?: string } = {},
): Promise<KeyObject[]> {
  const keys: KeyObject[] = [];
  for (const value of values) {
    let pem = value;
    let what = '--public-key (PEM text)';
    if (!value.includes('-----BEGIN')) {
      what = `--public-key ${value}`;
      try {
        pem = await fs.readFile(
          resolvePath(options.cwd ?? process.cwd(), value),
          'utf8',
        );
      } catch (error) {
        throw new Error(`cannot read ${what}: ${(error as Error).message}`);
      }
    }
    keys.push(readEd25519PublicKey(pem, what));
  }
  return keys;
}
