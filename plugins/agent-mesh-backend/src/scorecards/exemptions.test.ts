import { Entity } from '@backstage/catalog-model';
import { applyExemption, parseExemptions } from './exemptions';
import { ScorecardCheckOutcome } from './types';

const now = new Date('2026-11-20T12:00:00Z');

function withExemptions(value: string): Entity {
  return {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'AiArtifact',
    metadata: {
      name: 'x',
      annotations: { 'agent-mesh.io/exemptions': value },
    },
    spec: {},
  };
}

const failing: ScorecardCheckOutcome = {
  id: 'production-review',
  title: 'Production review',
  status: 'fail',
  detail: 'Name reviewers.',
};

describe('exemptions', () => {
  it('parses a JSON list and exempts until the end of the expiry day', () => {
    const { exemptions, error } = parseExemptions(
      withExemptions(
        JSON.stringify([
          {
            check: 'production-review',
            reason: 'reviewed by the vendor',
            grantedBy: 'user:default/lena-fischer',
            expires: '2026-11-20',
          },
        ]),
      ),
      ['production-review'],
    );
    expect(error).toBeUndefined();
    expect(exemptions).toHaveLength(1);
    const outcome = applyExemption(failing, exemptions[0], now);
    expect(outcome.status).toBe('exempt');
    expect(outcome.detail).toContain('Exempt until 2026-11-20');
    expect(outcome.detail).toContain('user:default/lena-fischer');
    expect(outcome.detail).toContain('reviewed by the vendor');
    // A passing check stays a pass.
    expect(
      applyExemption({ ...failing, status: 'pass' }, exemptions[0], now).status,
    ).toBe('pass');
  });

  it('counts an expired exemption as a failure again, saying it expired', () => {
    const { exemptions } = parseExemptions(
      withExemptions(
        '[{"check":"recent-activity","reason":"seasonal","grantedBy":"group:default/platform","expires":"2026-11-01T00:00:00Z"}]',
      ),
    );
    const outcome = applyExemption(
      { ...failing, id: 'recent-activity', status: 'warn', detail: 'Idle.' },
      exemptions[0],
      now,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.detail).toContain('expired on 2026-11-01T00:00:00Z');
    expect(outcome.detail).toContain('Idle.');
  });

  it.each([
    ['not json', 'is not valid JSON'],
    ['{"check":"x"}', 'must be a JSON list'],
    ['[1]', 'agent-mesh.io/exemptions[0] must be an object'],
    ['[{"check":"lifecycle"}]', 'needs reason, grantedBy, expires'],
    [
      '[{"check":"lifecycle","reason":"r","grantedBy":"g","expires":"next year"}]',
      "expires 'next year' is not an ISO 8601 date",
    ],
    [
      '[{"check":"nope","reason":"r","grantedBy":"g","expires":"2027-01-01"}]',
      "check 'nope' names no known check",
    ],
  ])('reports a malformed annotation %j without throwing', (value, message) => {
    const parsed = parseExemptions(withExemptions(value), ['lifecycle']);
    expect(parsed.exemptions).toEqual([]);
    expect(parsed.error).toContain(message);
  });

  it('keeps the valid entries of a partly malformed list', () => {
    const parsed = parseExemptions(
      withExemptions(
        '[{"check":"lifecycle","reason":"r","grantedBy":"g","expires":"2027-01-01"},{"check":"lifecycle"}]',
      ),
    );
    expect(parsed.exemptions.map(e => e.check)).toEqual(['lifecycle']);
    expect(parsed.error).toContain('[1]');
  });
});
