import {
  Action,
  ActionCheckpoint,
  chainedActionOf,
  GENESIS_HASH,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  hashAction,
  signCheckpoint,
} from '@agent-mesh/plugin-agent-mesh-common/node';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput } from '../__testUtils__/testUtils';
import { runVerifyExport } from './runVerifyExport';

const key = generateKeyPairSync('ed25519');
const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-run-verify-'));

/** Three chained actions, newest first, as an export shows them. */
function actions(): Action[] {
  const chain: Action[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq++) {
    const action: Action = {
      seq,
      id: `a${seq}`,
      occurredAt: '2026-11-24T10:00:00.000Z',
      receivedAt: '2026-11-24T10:00:01.000Z',
      agent: 'some-bot',
      agentKnown: false,
      type: 'tool.call',
      summary: `call ${seq}`,
      prevHash,
      hash: '',
    };
    const { hash: _hash, ...fields } = chainedActionOf(action);
    action.hash = hashAction(fields);
    prevHash = action.hash;
    chain.push(action);
  }
  return chain.reverse();
}

function write(name: string, lines: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map(l => `${JSON.stringify(l)}\n`).join(''));
  return file;
}

function exportCheckpoint(newest: Action, signed: boolean) {
  const checkpoint: ActionCheckpoint = {
    kind: 'export',
    seq: newest.seq,
    hash: newest.hash,
    createdAt: '2026-11-25T00:00:00.000Z',
  };
  return {
    record: 'checkpoint',
    ...(signed ? signCheckpoint(checkpoint, key.privateKey) : checkpoint),
  };
}

async function verify(
  file: string,
  options: { keys?: boolean; requireSigned?: boolean } = {},
) {
  const output = captureOutput();
  const code = await runVerifyExport(file, output, {
    publicKeys: options.keys === false ? [] : [key.publicKey],
    requireSigned: options.requireSigned,
  });
  return { code, stdout: output.stdoutLines(), stderr: output.stderrLines() };
}

describe('runVerifyExport', () => {
  const chain = actions();

  it('verifies an export made without a signing key only as far as it can, and says so', async () => {
    const file = write('unsigned.ndjson', [
      exportCheckpoint(chain[0], false),
      ...chain,
    ]);
    expect(await verify(file, { keys: false })).toEqual({
      code: 0,
      stdout: [
        `${file}: warning: seq 3: the export checkpoint of 2026-11-25T00:00:00.000Z is not signed`,
      ],
      stderr: [
        `${file}: verified 3 actions (seq 1 to 3) and 1 checkpoint, signatures not checked (no --public-key)`,
      ],
    });
    // With a key the export's end cannot be vouched for; with --require-signed neither can any
    // unsigned checkpoint.
    expect((await verify(file)).stdout).toEqual([
      `${file}: line 1: the export checkpoint is not signed, so actions missing at the newest end cannot be found`,
      `${file}: warning: seq 3: the export checkpoint of 2026-11-25T00:00:00.000Z is not signed`,
    ]);
    expect(await verify(file, { requireSigned: true })).toMatchObject({
      code: 1,
      stderr: [
        `${file}: 2 problems in 3 actions (seq 1 to 3) and 1 checkpoint: 0 signed by a trusted key, 1 unsigned`,
      ],
    });
  });

  it('names lines it cannot read', async () => {
    const file = join(dir, 'garbage.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify(exportCheckpoint(chain[0], true)),
        '[1, 2]',
        JSON.stringify({ record: 'checkpoint', kind: 'later', seq: 1 }),
        JSON.stringify({ ...chain[0], hash: 'not a hash' }),
        ...chain.slice(1).map(a => JSON.stringify(a)),
        '',
      ].join('\n'),
    );
    expect((await verify(file)).stdout).toEqual([
      `${file}: line 2: not a JSON object`,
      `${file}: line 3: a checkpoint record with a bad kind`,
      `${file}: line 4: an action with a bad hash`,
      `${file}: seq 3: missing, though the export checkpoint of 2026-11-25T00:00:00.000Z vouches for seq 3`,
    ]);
    expect(await verify(join(dir, 'none.ndjson'))).toEqual({
      code: 1,
      stdout: [],
      stderr: [expect.stringMatching(/none\.ndjson: cannot read: ENOENT/)],
    });
    const empty = write('empty.ndjson', []);
    expect((await verify(empty)).stdout).toEqual([
      `${empty}: the file is empty`,
    ]);
  });
});
