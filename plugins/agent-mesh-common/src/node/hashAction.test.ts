import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import {
  Action,
  canonicalActionText,
  canonicalJson,
  chainedActionOf,
  ChainedActionFields,
  GENESIS_HASH,
} from '../actions';
import { hashAction } from './hashAction';

type StoredAction = ChainedActionFields & { hash: string };

/** The canonical form that the log wrote before it used an RFC 8785 library. */
function canonicalActionOfBefore(a: Omit<StoredAction, 'hash'>): string {
  const fields = Object.keys(a)
    .filter(f => f !== 'writer')
    .sort();
  const parts = fields.map(
    f =>
      `${JSON.stringify(f)}:${JSON.stringify(
        (a as Record<string, unknown>)[f] ?? null,
      )}`,
  );
  if (a.writer !== null && a.writer !== undefined) {
    parts.push(`"writer":${JSON.stringify(a.writer)}`);
  }
  return `{${parts.join(',')}}`;
}

const action: Omit<StoredAction, 'hash'> = {
  seq: 1,
  id: 'a-1',
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
  summary: 'Committed',
  status: null,
  traceId: null,
  spanId: null,
  model: null,
  inputTokens: 10,
  outputTokens: null,
  attributes: '{"a":1}',
  writer: null,
  prevHash: GENESIS_HASH,
};

describe('hash', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes the fixed field list in sorted order, with nulls', () => {
    const text = canonicalActionText(action);
    expect(Object.keys(JSON.parse(text))).toEqual(
      Object.keys(JSON.parse(text)).sort(),
    );
    expect(JSON.parse(text).status).toBeNull();
  });

  it('changes when any field or the link changes', () => {
    const h = hashAction(action);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAction({ ...action })).toBe(h);
    expect(hashAction({ ...action, summary: 'Committed!' })).not.toBe(h);
    expect(hashAction({ ...action, seq: 2 })).not.toBe(h);
    expect(hashAction({ ...action, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(hashAction({ ...action, agentKnown: false })).not.toBe(h);
    expect(hashAction({ ...action, writer: 'user:default/jane' })).not.toBe(h);
  });

  it('leaves the writer out of actions written before it was kept', () => {
    // The hash of an action without a writer is the one the log computed before the field
    // existed (taken from the code of that time), so older chains still verify.
    expect(canonicalActionText(action)).not.toContain('writer');
    expect(hashAction(action)).toBe(
      '0a6b5307b6a6ccb468e5f9aff32d7686c5a67b243eaad75409b5df3032a40978',
    );
    expect(
      canonicalActionText({ ...action, writer: 'service:plugin:catalog' }),
    ).toMatch(/,"writer":"service:plugin:catalog"}$/);
  });

  it('writes RFC 8785 text that equals the form of before, so stored chains still verify', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('é', '\u2028', '"quoted"', '\\', '\u0001', '😀'),
    );
    const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          summary: text,
          target: nullable(text),
          inputTokens: nullable(fc.nat()),
          attributes: nullable(fc.jsonValue().map(v => JSON.stringify(v))),
          writer: nullable(text),
          seq: fc.nat(),
        }),
        changes => {
          const a = { ...action, ...changes };
          expect(canonicalActionText(a)).toBe(canonicalActionOfBefore(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the RFC 8785 text of an RFC 8785 library for any field values', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\ud800', '\udfff x', '\u2028\u2029', '\u007f', '😀'),
    );
    const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    const number = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1e21, 1e-7, 2 ** 53, 0.1 + 0.2),
    );
    fc.assert(
      fc.property(
        fc.record({
          seq: number,
          id: text,
          agent: text,
          agentKnown: fc.boolean(),
          summary: text,
          target: nullable(text),
          inputTokens: nullable(number),
          outputTokens: nullable(number),
          attributes: nullable(fc.jsonValue().map(v => canonicalJson(v))),
          writer: fc.option(text, { nil: undefined }),
          prevHash: text,
        }),
        changes => {
          const a = { ...action, ...changes };
          const { writer, ...rest } = a;
          const expected = canonicalize(
            writer === undefined || writer === null ? rest : a,
          );
          expect(canonicalActionText(a)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a field that is not a finite number', () => {
    expect(() =>
      canonicalActionText({ ...action, inputTokens: Number.POSITIVE_INFINITY }),
    ).toThrow("The action's inputTokens is Infinity, not a finite number");
    expect(() => canonicalActionText({ ...action, seq: Number.NaN })).toThrow(
      /seq is NaN/,
    );
  });

  it('hashes an action as the API and the export show it as the log stored it', () => {
    const stored = { ...action, attributes: '{"a":[1,{"b":"c"}],"z":null}' };
    const hash = hashAction(stored);
    const shown: Action = {
      seq: 1,
      id: 'a-1',
      occurredAt: stored.occurredAt,
      receivedAt: stored.receivedAt,
      agent: stored.agent,
      agentRef: 'agent:default/coder',
      agentKnown: true,
      type: 'repo.commit',
      ownerRef: 'group:default/platform',
      summary: 'Committed',
      inputTokens: 10,
      attributes: { z: null, a: [1, { b: 'c' }] },
      prevHash: GENESIS_HASH,
      hash,
    };
    const chained = chainedActionOf(JSON.parse(JSON.stringify(shown)));
    expect(chained).toEqual({ ...stored, hash });
    const { hash: _hash, ...fields } = chained;
    expect(hashAction(fields)).toBe(hash);
  });

  it('gives back the stored attributes text from any attributes parsed from it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const text = canonicalJson(value);
        expect(
          canonicalJson(JSON.parse(JSON.stringify(JSON.parse(text)))),
        ).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
