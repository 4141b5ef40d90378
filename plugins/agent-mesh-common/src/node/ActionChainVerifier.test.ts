import { generateKeyPairSync } from 'node:crypto';
import {
  ActionCheckpoint,
  ChainedAction,
  ChainedActionFields,
  GENESIS_HASH,
} from '../actions';
import { ActionChainVerifier } from './ActionChainVerifier';
import { signCheckpoint } from './checkpointSignatures';
import { hashAction } from './hashAction';

const key = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');

/** A chain of `count` actions from `from` on, oldest first. */
function chain(
  count: number,
  from = 1,
  prevHash = GENESIS_HASH,
): ChainedAction[] {
  const actions: ChainedAction[] = [];
  let prev = prevHash;
  for (let seq = from; seq < from + count; seq++) {
    const fields: ChainedActionFields = {
      seq,
      id: `a${seq}`,
      occurredAt: '2026-11-24T10:00:00.000Z',
      receivedAt: '2026-11-24T10:00:01.000Z',
      agent: 'agent:default/coder',
      agentRef: 'agent:default/coder',
      agentKnown: true,
      type: 'repo.commit',
      target: null,
      targetRef: null,
      ownerRef: 'group:default/platform',
      onBehalfOf: null,
      summary: `did ${seq}`,
      status: null,
      traceId: null,
      spanId: null,
      model: null,
      inputTokens: null,
      outputTokens: null,
      attributes: null,
      writer: 'service:test',
      prevHash: prev,
    };
    const hash = hashAction(fields);
    actions.push({ ...fields, hash });
    prev = hash;
  }
  return actions;
}

function checkpoint(
  kind: ActionCheckpoint['kind'],
  action: { seq: number; hash: string },
  signWith: typeof key | null = key,
): ActionCheckpoint {
  const unsigned: ActionCheckpoint = {
    kind,
    seq: action.seq,
    hash: action.hash,
    createdAt: '2026-11-25T00:00:00.000Z',
    ...(kind === 'retention'
      ? { removed: action.seq, cut: '2026-11-24T00:00:00.000Z' }
      : {}),
  };
  return signWith ? signCheckpoint(unsigned, signWith.privateKey) : unsigned;
}

type Entry = ChainedAction | ActionCheckpoint;

function isCheckpoint(entry: Entry): entry is ActionCheckpoint {
  return 'kind' in entry;
}

function verify(entries: Entry[], trusted = [key.publicKey]) {
  const verifier = new ActionChainVerifier({ trustedKeys: trusted });
  for (const entry of entries) {
    if (isCheckpoint(entry)) verifier.checkpoint(entry);
    else verifier.action(entry);
  }
  return verifier.finish();
}

const messages = (entries: Entry[], trusted?: (typeof key.publicKey)[]) =>
  verify(entries, trusted).problems.map(p => p.message);

describe('ActionChainVerifier', () => {
  const actions = chain(10);
  const newestFirst = [...actions].reverse();

  it('accepts a whole chain with its checkpoints', () => {
    const verdict = verify([
      checkpoint('export', actions[9]),
      ...newestFirst.slice(0, 3),
      checkpoint('head', actions[6]),
      ...newestFirst.slice(3),
    ]);
    expect(verdict).toEqual({
      ok: true,
      checked: 10,
      broken: 0,
      problems: [],
      warnings: [],
      checkpoints: {
        checked: 2,
        signed: 2,
        unsigned: 0,
        signaturesChecked: true,
      },
      newest: { seq: 10, hash: actions[9].hash },
      oldest: { seq: 1, hash: actions[0].hash },
    });
  });

  it('names the seq of an edited action, and of one rewritten with a new hash', () => {
    const edited = { ...actions[4], summary: 'never happened' };
    expect(
      messages([...newestFirst].map(a => (a.seq === 5 ? edited : a))),
    ).toEqual([
      'seq 5: its content does not match its hash: it was changed after it was written',
    ]);
    const { hash: _h, ...fields } = edited;
    const rehashed = { ...edited, hash: hashAction(fields) };
    expect(
      messages(newestFirst.map(a => (a.seq === 5 ? rehashed : a))),
    ).toEqual([
      'seq 6: its prevHash does not match the hash of seq 5: an action was rewritten or replaced',
    ]);
  });

  it('finds a chain rewritten from an action on, up to a signed checkpoint', () => {
    // Whoever can write to the database can edit seq 5 and recompute every hash after it...
    const forged: ChainedAction[] = actions.slice(0, 4);
    for (const a of actions.slice(4)) {
      const { hash: _hash, ...fields } = {
        ...a,
        summary: a.seq === 5 ? 'never happened' : a.summary,
        prevHash: forged[forged.length - 1].hash,
      };
      forged.push({ ...fields, hash: hashAction(fields) });
    }
    const forgedNewestFirst = [...forged].reverse();
    expect(messages(forgedNewestFirst)).toEqual([]);
    // ...but not the checkpoints signed before.
    expect(
      messages([
        ...forgedNewestFirst.slice(0, 2),
        checkpoint('head', actions[7]),
        ...forgedNewestFirst.slice(2),
      ]),
    ).toEqual([
      'seq 8: its hash differs from the one the head checkpoint of 2026-11-25T00:00:00.000Z vouches for: the chain up to seq 8 was rewritten',
    ]);
  });

  it('names missing actions: in the middle, at the top and at the bottom', () => {
    expect(
      messages(newestFirst.filter(a => a.seq !== 4 && a.seq !== 5)),
    ).toEqual(['seq 4 to 5: missing']);
    expect(
      messages([checkpoint('export', actions[9]), ...newestFirst.slice(2)]),
    ).toEqual([
      'seq 9 to 10: missing, though the export checkpoint of 2026-11-25T00:00:00.000Z vouches for seq 10',
    ]);
    expect(messages(newestFirst.slice(0, 7))).toEqual([
      'seq 1 to 3: missing: the chain goes down to seq 4, and no retention checkpoint accounts for the actions before it',
    ]);
  });

  it('starts from a signed retention checkpoint, and only from one that matches', () => {
    const retained = newestFirst.slice(0, 7);
    expect(verify([...retained, checkpoint('retention', actions[2])]).ok).toBe(
      true,
    );
    expect(
      messages([...retained, checkpoint('retention', actions[1])]),
    ).toEqual([
      'seq 3: missing: the chain goes down to seq 4, and no retention checkpoint accounts for the actions before it',
    ]);
    expect(
      messages([
        ...retained,
        { ...checkpoint('retention', actions[2]), hash: actions[1].hash },
      ]),
    ).toEqual([
      'seq 1 to 3: missing: the chain goes down to seq 4, and no retention checkpoint accounts for the actions before it',
      'seq 3: the signature of the retention checkpoint of 2026-11-25T00:00:00.000Z does not verify: it was changed after it was signed, or forged',
    ]);
  });

  it('refuses checkpoints signed with another key, and reports unsigned ones', () => {
    const resigned = checkpoint('head', actions[5], otherKey);
    expect(messages([resigned, ...newestFirst])).toEqual([
      `seq 6: the head checkpoint of 2026-11-25T00:00:00.000Z is signed by key ${resigned.keyId}, which is not a trusted key`,
    ]);
    // With the other key trusted too (an earlier key), it counts.
    expect(
      verify([resigned, ...newestFirst], [key.publicKey, otherKey.publicKey])
        .ok,
    ).toBe(true);
    const unsigned = verify([
      ...newestFirst.slice(0, 7),
      checkpoint('retention', actions[2], null),
    ]);
    expect(unsigned.ok).toBe(true);
    expect(unsigned.checkpoints).toEqual({
      checked: 1,
      signed: 0,
      unsigned: 1,
      signaturesChecked: true,
    });
    expect(unsigned.warnings.map(w => w.message)).toEqual([
      'seq 3: the retention checkpoint of 2026-11-25T00:00:00.000Z is not signed',
    ]);
  });

  it('without trusted keys checks links and hashes, not signatures', () => {
    const verifier = new ActionChainVerifier();
    verifier.checkpoint(checkpoint('head', actions[5], otherKey));
    for (const a of newestFirst) verifier.action(a);
    expect(verifier.finish()).toMatchObject({
      ok: true,
      checkpoints: { signed: 1, signaturesChecked: false },
    });
  });

  it('verifies an empty log against its checkpoints', () => {
    expect(
      verify([checkpoint('export', { seq: 0, hash: GENESIS_HASH })]).ok,
    ).toBe(true);
    // Every action removed by retention: the export's head is the retention checkpoint.
    expect(
      verify([
        checkpoint('export', actions[9]),
        checkpoint('head', actions[9]),
        checkpoint('retention', actions[9]),
        checkpoint('head', actions[4]),
      ]).ok,
    ).toBe(true);
    // Every action deleted by hand: the head checkpoint says there were some.
    expect(messages([checkpoint('head', actions[4])])).toEqual([
      'seq 1 to 5: missing, though the head checkpoint of 2026-11-25T00:00:00.000Z vouches for seq 5',
    ]);
  });

  it('names actions out of order and checkpoints after their action', () => {
    expect(
      messages([
        ...newestFirst.slice(0, 5),
        actions[7],
        ...newestFirst.slice(5),
      ]),
    ).toEqual([
      'seq 8: out of order: it comes after seq 6, and the newest must come first',
    ]);
    expect(
      messages([
        ...newestFirst.slice(0, 5),
        checkpoint('head', actions[8]),
        ...newestFirst.slice(5),
      ]),
    ).toEqual([
      'seq 9: the head checkpoint of 2026-11-25T00:00:00.000Z comes after the actions it vouches for (out of order)',
    ]);
  });

  it('keeps the lowest problems and counts all', () => {
    const many = chain(50).reverse();
    const verifier = new ActionChainVerifier({ maxProblems: 3 });
    for (const a of many) verifier.action({ ...a, summary: 'x' });
    const verdict = verifier.finish();
    expect(verdict.broken).toBe(50);
    expect(verdict.problems.map(p => p.seq)).toEqual([1, 2, 3]);
  });
});
