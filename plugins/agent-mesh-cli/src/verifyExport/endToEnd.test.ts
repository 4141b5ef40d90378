import agentMeshPlugin from '@agent-mesh/plugin-agent-mesh-backend';
import {
  ActionCheckpoint,
  chainedActionOf,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  hashAction,
  signCheckpoint,
} from '@agent-mesh/plugin-agent-mesh-common/node';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import request from 'supertest';
import { main } from '../main';
import { captureOutput } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);

const key = generateKeyPairSync('ed25519');
const pem = (k: typeof key.publicKey, type: 'pkcs8' | 'spki') =>
  String(k.export({ type, format: 'pem' }));
const DAY = 86_400_000;
const bin = resolvePath(__dirname, '../../bin/agent-mesh');

/**
 * The real plugin on SQLite with a signing key and six months of retention: 5 actions from two
 * years ago (removed by retention, which leaves a signed checkpoint), 15 recent ones, a head
 * checkpoint, 3 more; then the evidence export, as a file.
 */
async function exportFromThePlugin(
  databases: TestDatabases,
  dir: string,
): Promise<string> {
  const knex = await databases.init('SQLITE_3');
  const tasks = new Map<
    string,
    (signal: AbortSignal) => void | Promise<void>
  >();
  const { server } = await startTestBackend({
    features: [
      agentMeshPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.set(task.id, task.fn);
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          agentMesh: {
            actions: {
              signing: { privateKey: pem(key.privateKey, 'pkcs8') },
              retention: { maxAge: { months: 6 } },
            },
          },
        },
      }),
    ],
  });
  const run = (id: string) => tasks.get(id)!(new AbortController().signal);
  const post = async (ids: number[], daysAgo: number) =>
    request(server)
      .post('/api/agent-mesh/actions')
      .send({
        actions: ids.map(i => ({
          id: `e2e-${i}`,
          occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
          agent: 'agent:default/release-bot',
          type: 'deploy',
          summary: `Deployed release ${i}`,
          attributes: { release: i, notes: ['é', '😀'] },
        })),
      })
      .expect(200);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);

  await post(range(1, 5), 730);
  await post(range(6, 20), 1);
  await run('agent-mesh-actions-retention');
  await run('agent-mesh-actions-head-checkpoint');
  await post(range(21, 23), 0);

  const res = await request(server)
    .get('/api/agent-mesh/actions/export')
    .query({ format: 'ndjson', evidence: 'true' })
    .buffer(true)
    .parse((stream, done) => {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      stream.on('end', () => done(null, text));
    })
    .expect(200);
  const file = join(dir, 'evidence.ndjson');
  writeFileSync(file, res.body as string);
  return file;
}

describe('agent-mesh verify-export on an export of the real plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let dir: string;
  let file: string;
  let lines: any[];
  let keyFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-mesh-verify-'));
    file = await exportFromThePlugin(databases, dir);
    lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line));
    keyFile = join(dir, 'checkpoint-key.pub.pem');
    writeFileSync(keyFile, pem(key.publicKey, 'spki'));
  });

  async function verify(path: string, ...args: string[]) {
    const output = captureOutput();
    const code = await main(
      ['verify-export', path, '--public-key', keyFile, ...args],
      output,
    );
    return { code, stdout: output.stdoutLines(), stderr: output.stderrLines() };
  }

  /** A copy of the export with `change` applied to its parsed lines. */
  function tampered(name: string, change: (copy: any[]) => any[]): string {
    const copy = change(JSON.parse(JSON.stringify(lines)));
    const path = join(dir, `${name}.ndjson`);
    writeFileSync(path, copy.map(line => `${JSON.stringify(line)}\n`).join(''));
    return path;
  }

  const indexOfSeq = (seq: number) =>
    lines.findIndex(l => l.record === undefined && l.seq === seq);

  it('holds the retained actions with their checkpoints, and verifies', async () => {
    expect(lines.map(l => (l.record ? `${l.kind}@${l.seq}` : l.seq))).toEqual([
      'export@23',
      23,
      22,
      21,
      'head@20',
      ...Array.from({ length: 15 }, (_, i) => 20 - i),
      'retention@5',
    ]);
    expect(await verify(file)).toEqual({
      code: 0,
      stdout: [],
      stderr: [
        `${file}: verified 18 actions (seq 6 to 23) and 3 checkpoints: 3 signed by a trusted key, 0 unsigned`,
      ],
    });
  });

  it('runs as the agent-mesh command, with the exit code', () => {
    const ok = spawnSync(
      process.execPath,
      [
        bin,
        'verify-export',
        file,
        `--public-key=${pem(key.publicKey, 'spki')}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect([ok.status, ok.stdout]).toEqual([0, '']);
    const edited = tampered('edited-for-bin', copy => {
      copy[indexOfSeq(12)].summary = 'Nothing was deployed';
      return copy;
    });
    const bad = spawnSync(
      process.execPath,
      [bin, 'verify-export', edited, '--public-key', keyFile],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(
      `${edited}: seq 12: its content does not match its hash: it was changed after it was written\n`,
    );
  });

  it('finds an edited action, and one rewritten with recomputed hashes', async () => {
    const edited = tampered('edited', copy => {
      copy[indexOfSeq(8)].attributes.release = 800;
      return copy;
    });
    expect(await verify(edited)).toMatchObject({
      code: 1,
      stdout: [
        `${edited}: seq 8: its content does not match its hash: it was changed after it was written`,
      ],
    });

    // Whoever holds the file (or the database) recomputes the hashes from seq 8 to the newest.
    const rewritten = tampered('rewritten', copy => {
      let prevHash: string | undefined;
      for (let seq = 8; seq <= 23; seq++) {
        const line = copy[indexOfSeq(seq)];
        if (seq === 8) line.summary = 'Nothing was deployed';
        if (prevHash) line.prevHash = prevHash;
        const { hash: _hash, ...fields } = chainedActionOf(line);
        line.hash = hashAction(fields);
        prevHash = line.hash;
      }
      return copy;
    });
    const result = await verify(rewritten);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      expect.stringMatching(
        /: seq 20: its hash differs from the one the head checkpoint of .* vouches for: the chain up to seq 20 was rewritten$/,
      ),
      expect.stringMatching(
        /: seq 23: its hash differs from the one the export checkpoint of .* vouches for: the chain up to seq 23 was rewritten$/,
      ),
    ]);
  });

  it('finds an edited checkpoint, and one signed anew with another key', async () => {
    const head = lines.findIndex(l => l.kind === 'head');
    const moved = tampered('checkpoint-moved', copy => {
      copy[head].seq = 19;
      copy[head].hash = copy[indexOfSeq(19)].hash;
      const [checkpoint] = copy.splice(head, 1);
      copy.splice(indexOfSeq(19), 0, checkpoint);
      return copy;
    });
    const movedResult = await verify(moved);
    expect(movedResult.code).toBe(1);
    expect(movedResult.stdout).toEqual([
      expect.stringMatching(
        /: seq 19: the signature of the head checkpoint of .* does not verify: it was changed after it was signed, or forged$/,
      ),
    ]);

    const other = generateKeyPairSync('ed25519');
    let otherKeyId = '';
    const resigned = tampered('checkpoint-resigned', copy => {
      const { record, ...checkpoint } = copy[head];
      const signed = signCheckpoint(
        checkpoint as ActionCheckpoint,
        other.privateKey,
      );
      otherKeyId = signed.keyId!;
      copy[head] = { record, ...signed };
      return copy;
    });
    const resignedResult = await verify(resigned);
    expect(resignedResult.code).toBe(1);
    expect(resignedResult.stdout).toEqual([
      `${resigned}: seq 20: the head checkpoint of ${lines[head].createdAt} is signed by key ${otherKeyId}, which is not a trusted key`,
    ]);
  });

  it('finds an export cut short at either end', async () => {
    // The last lines: the oldest actions and the retention checkpoint.
    const cut = tampered('cut-end', copy => copy.slice(0, copy.length - 4));
    expect(await verify(cut)).toMatchObject({
      code: 1,
      stdout: [
        `${cut}: seq 1 to 8: missing: the chain goes down to seq 9, and no retention checkpoint accounts for the actions before it`,
      ],
    });

    // In the middle of a line.
    const text = readFileSync(file, 'utf8');
    const half = join(dir, 'cut-line.ndjson');
    writeFileSync(half, text.slice(0, text.length - 40));
    const halfResult = await verify(half);
    expect(halfResult.code).toBe(1);
    expect(halfResult.stdout).toEqual([
      `${half}: line ${lines.length}: not valid JSON (the file is cut short or damaged)`,
      `${half}: seq 1 to 5: missing: the chain goes down to seq 6, and no retention checkpoint accounts for the actions before it`,
    ]);

    // The first lines: the export checkpoint and the newest actions.
    const top = tampered('cut-start', copy => copy.slice(3));
    expect((await verify(top)).stdout).toEqual([
      `${top}: line 1: not an evidence export, or its start is missing: the first line must be its export checkpoint (export with evidence=true)`,
    ]);
    const newest = tampered('cut-newest', copy => [copy[0], ...copy.slice(3)]);
    expect((await verify(newest)).stdout).toEqual([
      expect.stringMatching(
        /: seq 22 to 23: missing, though the export checkpoint of .* vouches for seq 23$/,
      ),
    ]);
  });

  it('without a public key checks the chain only, and says so', async () => {
    const output = captureOutput();
    expect(await main(['verify-export', file], output)).toBe(0);
    expect(output.stderrLines()).toEqual([
      `${file}: verified 18 actions (seq 6 to 23) and 3 checkpoints, signatures not checked (no --public-key)`,
    ]);
  });
});
