import { mockCredentials } from '@backstage/backend-test-utils';
import { actingPartyOf, agentIdOfSubject } from './actingParty';

describe('actingPartyOf', () => {
  it('takes a service as the acting agent', () => {
    expect(actingPartyOf(mockCredentials.service('ci-ingest'))).toEqual({
      agent: 'ci-ingest',
    });
    expect(actingPartyOf(mockCredentials.service('plugin:catalog'))).toEqual({
      agent: 'plugin:catalog',
    });
  });

  it('reads an external-access subject with an id type as that typed id', () => {
    const guid = '7f3c2a9e-1b4d-4c8a-9f0e-2d6b8a1c3e5f';
    expect(
      actingPartyOf(mockCredentials.service(`external:entra:${guid}`)),
    ).toEqual({ agent: `entra:${guid}` });
    expect(agentIdOfSubject('external:aws-agentcore:brand-a-coder')).toBe(
      'aws-agentcore:brand-a-coder',
    );
    // other JWKS prefixes, and subjects without one, stay as they are
    expect(agentIdOfSubject('external:okta:0oa1')).toBe('external:okta:0oa1');
    expect(agentIdOfSubject('external:jane')).toBe('external:jane');
  });

  it('takes a user as the one acted for, and the service that passed the token on as the agent', () => {
    expect(actingPartyOf(mockCredentials.user('user:default/jane'))).toEqual({
      onBehalfOf: 'user:default/jane',
    });
    expect(
      actingPartyOf(
        mockCredentials.user('user:default/jane', {
          actor: { subject: 'plugin:mcp-actions' },
        }),
      ),
    ).toEqual({ agent: 'plugin:mcp-actions', onBehalfOf: 'user:default/jane' });
  });

  it('names nobody for no credentials', () => {
    expect(actingPartyOf(mockCredentials.none())).toEqual({});
  });
});
