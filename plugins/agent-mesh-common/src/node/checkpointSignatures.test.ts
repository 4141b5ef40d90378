import { generateKeyPairSync } from 'node:crypto';
import {
  ActionCheckpoint,
  checkpointSignedText,
  GENESIS_HASH,
} from '../actions';
import {
  checkCheckpointSignature,
  checkpointKeyId,
  readEd25519PrivateKey,
  readEd25519PublicKey,
  signCheckpoint,
} from './checkpointSignatures';

const pem = (k: { export(o: object): string | Buffer }, type: string) =>
  String(k.export({ type, format: 'pem' }));

describe('checkpoint signatures', () => {
  const pair = generateKeyPairSync('ed25519');
  const privatePem = pem(pair.privateKey, 'pkcs8');
  const publicPem = pem(pair.publicKey, 'spki');
  const checkpoint: ActionCheckpoint = {
    kind: 'retention',
    seq: 4,
    hash: 'a'.repeat(64),
    createdAt: '2026-11-25T00:00:00.000Z',
    removed: 4,
    cut: '2026-11-05T00:00:00.000Z',
  };

  it('reads PEM keys and refuses other kinds of key with a message that names the setting', () => {
    const privateKey = readEd25519PrivateKey(privatePem, 'the signing key');
    const publicKey = readEd25519PublicKey(publicPem, '--public-key');
    expect(checkpointKeyId(privateKey)).toBe(checkpointKeyId(publicKey));
    expect(checkpointKeyId(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(() => readEd25519PrivateKey('nonsense', 'the signing key')).toThrow(
      /^the signing key is not a private key in PEM/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      readEd25519PublicKey(pem(rsa.publicKey, 'spki'), '--public-key'),
    ).toThrow('--public-key must be an Ed25519 key, got rsa');
  });

  it('signs the canonical text and finds any change to a signed field', () => {
    const signed = signCheckpoint(checkpoint, pair.privateKey);
    expect(signed.keyId).toBe(checkpointKeyId(pair.publicKey));
    expect(checkpointSignedText(signed)).toBe(
      `{"context":"agent-mesh.io/action-checkpoint/v1","createdAt":"2026-11-25T00:00:00.000Z","cut":"2026-11-05T00:00:00.000Z","hash":"${'a'.repeat(
        64,
      )}","keyId":"${signed.keyId}","kind":"retention","removed":4,"seq":4}`,
    );
    expect(checkCheckpointSignature(signed, [pair.publicKey])).toBe('valid');
    for (const change of [
      { seq: 5 },
      { hash: GENESIS_HASH },
      { kind: 'head' as const },
      { removed: 3 },
      { createdAt: '2026-11-26T00:00:00.000Z' },
    ]) {
      expect(
        checkCheckpointSignature({ ...signed, ...change }, [pair.publicKey]),
      ).toBe('invalid');
    }
    expect(
      checkCheckpointSignature({ ...signed, signature: 'bm9wZQ==' }, [
        pair.publicKey,
      ]),
    ).toBe('invalid');
    const other = generateKeyPairSync('ed25519');
    expect(checkCheckpointSignature(signed, [other.publicKey])).toBe(
      'unknown-key',
    );
    expect(checkCheckpointSignature(checkpoint, [pair.publicKey])).toBe(
      'unsigned',
    );
  });
});
