import {
  ActionCheckpoint,
  ActionSigningKeysResponse,
  isActionCheckpointRecord,
} from '@agent-mesh/plugin-agent-mesh-common';
import { signCheckpoint } from '@agent-mesh/plugin-agent-mesh-common/node';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { DatabaseActionStore } from './DatabaseActionStore';
import { rewriteChainFrom } from './__testUtils__/rewriteChain';
import { HEAD_CHECKPOINT_TASK_ID } from './signing/headCheckpoints';

jest.setTimeout(120_000);

const key = generateKeyPairSync('ed25519');
const privatePem = String(
  key.privateKey.export({ type: 'pkcs8', format: 'pem' }),
);
const action = (i: number) => ({
  id: `s${i}`,
  occurredAt: '2026-11-20T09:00:00Z',
  agent: 'agent:default/signer',
  type: 'deploy',
  summary: `deployed ${i}`,
});

describe('signed checkpoints of the action log', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  /** The plugin with a signing key, 12 actions, a head checkpoint at seq 12, then 3 more. */
  async function start(
    knex: Knex,
    signing: object = { privateKey: privatePem },
  ) {
    const plugin = await startAgentMeshPlugin({
      knex,
      catalog: { factory: catalogServiceMock.factory({ entities: [] }) },
      extra: [
        mockServices.rootConfig.factory({
          data: { agentMesh: { actions: { signing } } },
        }),
      ],
    });
    const post = (from: number, count: number) =>
      request(plugin.server)
        .post('/api/agent-mesh/actions')
        .send({
          actions: Array.from({ length: count }, (_, i) => action(from + i)),
        })
        .expect(200);
    await post(1, 12);
    if ('privateKey' in signing) {
      await plugin.run(HEAD_CHECKPOINT_TASK_ID);
    }
    await post(13, 3);
    const verify = async () =>
      (await request(plugin.server).get('/api/agent-mesh/actions/verify')).body;
    return { ...plugin, verify };
  }

  async function headCheckpointRow(knex: Knex) {
    return knex('agent_mesh_actions_checkpoints').where('kind', 'head').first();
  }

  it.each(databases.eachSupportedId())(
    'signs head checkpoints, serves the public key and verifies the signatures, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, run, verify } = await start(knex);
      const keys = await request(server).get(
        '/api/agent-mesh/actions/signing-keys',
      );
      const body: ActionSigningKeysResponse = keys.body;
      expect(body.keys).toEqual([
        {
          keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
          algorithm: 'Ed25519',
          publicKey: String(
            key.publicKey.export({ type: 'spki', format: 'pem' }),
          ),
          current: true,
        },
      ]);
      const row = await headCheckpointRow(knex);
      expect({ ...row, seq: Number(row.seq) }).toMatchObject({
        seq: 12,
        key_id: body.keys[0].keyId,
        signature: expect.any(String),
      });
      expect(await verify()).toEqual({
        ok: true,
        checked: 15,
        checkpoints: {
          checked: 1,
          signed: 1,
          unsigned: 0,
          signaturesChecked: true,
        },
      });
      // The next run writes one only when the log moved on.
      await run(HEAD_CHECKPOINT_TASK_ID);
      await run(HEAD_CHECKPOINT_TASK_ID);
      expect(
        (await knex('agent_mesh_actions_checkpoints').orderBy('seq')).map(r =>
          Number(r.seq),
        ),
      ).toEqual([12, 15]);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds actions rewritten with recomputed hashes, up to the signed checkpoint, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { verify } = await start(knex);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      await rewriteChainFrom(knex, store, 5);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenSeq: 12,
        problems: [
          {
            seq: 12,
            message: expect.stringMatching(
              /^seq 12: its hash differs from the one the head checkpoint of .* vouches for: the chain up to seq 12 was rewritten$/,
            ),
          },
        ],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'finds an edited checkpoint row and one signed with another key, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { verify } = await start(knex);
      const row = await headCheckpointRow(knex);
      // Someone moves the checkpoint down, to hide that they rewrote seq 11 and 12.
      const seq11 = await knex('agent_mesh_actions').where('seq', 11).first();
      await knex('agent_mesh_actions_checkpoints')
        .where('id', row.id)
        .update({ seq: 11, hash: seq11.hash });
      expect((await verify()).problems).toEqual([
        {
          seq: 11,
          message: expect.stringMatching(
            /^seq 11: the signature of the head checkpoint of .* does not verify: it was changed after it was signed, or forged$/,
          ),
        },
      ]);

      // ...or signs it anew with a key of their own.
      const other = generateKeyPairSync('ed25519');
      const forged = signCheckpoint(
        {
          kind: 'head',
          seq: 11,
          hash: seq11.hash,
          createdAt: row.created_at,
        } as ActionCheckpoint,
        other.privateKey,
      );
      await knex('agent_mesh_actions_checkpoints')
        .where('id', row.id)
        .update({ key_id: forged.keyId, signature: forged.signature });
      expect((await verify()).problems).toEqual([
        {
          seq: 11,
          message: `seq 11: the head checkpoint of ${row.created_at} is signed by key ${forged.keyId}, which is not a trusted key`,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'still verifies what an earlier key signed, and without any key says signatures were not checked, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await start(knex);
      const next = generateKeyPairSync('ed25519');
      const rotated = await start(knex, {
        privateKey: String(
          next.privateKey.export({ type: 'pkcs8', format: 'pem' }),
        ),
        previousPublicKeys: [
          String(key.publicKey.export({ type: 'spki', format: 'pem' })),
        ],
      });
      expect(await rotated.verify()).toMatchObject({
        ok: true,
        checkpoints: { checked: 2, signed: 2, signaturesChecked: true },
      });
      expect(
        (
          await request(rotated.server).get(
            '/api/agent-mesh/actions/signing-keys',
          )
        ).body.keys.map((k: { current: boolean }) => k.current),
      ).toEqual([true, false]);

      const unsigned = await start(knex, {});
      expect(await unsigned.verify()).toMatchObject({
        ok: true,
        checkpoints: { checked: 2, signed: 2, signaturesChecked: false },
      });
      expect(
        (
          await request(unsigned.server).get(
            '/api/agent-mesh/actions/signing-keys',
          )
        ).body,
      ).toEqual({ keys: [] });
    },
  );

  it('refuses to start with a key that is not Ed25519, or without one when it is required', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await expect(
      start(await databases.init('SQLITE_3'), {
        privateKey: String(
          rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }),
        ),
      }),
    ).rejects.toThrow(
      'agentMesh.actions.signing.privateKey must be an Ed25519 key, got rsa',
    );
    await expect(
      start(await databases.init('SQLITE_3'), { required: true }),
    ).rejects.toThrow(
      'agentMesh.actions.signing.required is set, but agentMesh.actions.signing.privateKey is not',
    );
  });

  it.each(databases.eachSupportedId())(
    'exports the whole log with its checkpoints as evidence, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await start(knex);
      const res = await request(server)
        .get('/api/agent-mesh/actions/export')
        .query({ format: 'ndjson', evidence: 'true' })
        .buffer(true)
        .parse((stream, done) => {
          let text = '';
          stream.on(
            'data',
            (chunk: Buffer) => (text += chunk.toString('utf8')),
          );
          stream.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="agent-mesh-actions-evidence-\d{8}T\d{6}Z\.ndjson"$/,
      );
      const lines = (res.body as string)
        .trimEnd()
        .split('\n')
        .map(line => JSON.parse(line));
      const shape = lines.map(line =>
        isActionCheckpointRecord(line) ? `${line.kind}@${line.seq}` : line.seq,
      );
      expect(shape).toEqual([
        'export@15',
        15,
        14,
        13,
        'head@12',
        12,
        11,
        10,
        9,
        8,
        7,
        6,
        5,
        4,
        3,
        2,
        1,
      ]);
      expect(lines[0]).toEqual({
        record: 'checkpoint',
        kind: 'export',
        seq: 15,
        hash: lines[1].hash,
        createdAt: expect.any(String),
        keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
        signature: expect.any(String),
      });

      const refused: [Record<string, string>, string][] = [
        [
          { format: 'csv', evidence: 'true' },
          'evidence=true needs format=ndjson',
        ],
        [
          { format: 'ndjson', evidence: 'true', type: 'deploy' },
          'evidence=true exports the whole log, so that it can be verified: type does not apply',
        ],
        [
          { format: 'ndjson', evidence: 'yes' },
          'evidence must be true or false',
        ],
      ];
      for (const [query, message] of refused) {
        const bad = await request(server)
          .get('/api/agent-mesh/actions/export')
          .query(query);
        expect([bad.status, bad.body.error.message]).toEqual([400, message]);
      }
    },
  );
});
