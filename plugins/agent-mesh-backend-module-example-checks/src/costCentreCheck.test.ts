import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardCheckContext } from '@agent-mesh/plugin-agent-mesh-node';
import { readCostCentreCheckConfig } from './config';
import { createCostCentreCheck } from './costCentreCheck';

const team = (name: string, costCentre?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    ...(costCentre
      ? { annotations: { 'agent-mesh.io/cost-centre': costCentre } }
      : {}),
  },
  spec: { type: 'team', children: [] },
});

const context: ScorecardCheckContext = {
  async getEntity(ref) {
    return {
      'group:default/finance': team('finance', 'CC-1001'),
      'group:default/labs': team('labs'),
      'group:default/sloppy': team('sloppy', 'finance dept'),
    }[ref];
  },
};

function artifact(
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'AiArtifact',
    metadata: { name: 'tool', annotations },
    spec: { type: 'tool', owner: 'labs', lifecycle: 'production', ...spec },
  };
}

function check(data: Record<string, string | boolean | string[]> = {}) {
  return createCostCentreCheck(
    readCostCentreCheckConfig(
      mockServices.rootConfig({
        data: { agentMesh: { exampleChecks: { costCentre: data } } },
      }),
    ),
  );
}

describe('cost-centre check', () => {
  it('passes with the annotation on the entity or on its owning team', async () => {
    const c = check();
    expect(
      await c.evaluate(
        artifact({}, { 'agent-mesh.io/cost-centre': ' CC-7 ' }),
        context,
      ),
    ).toEqual({ status: 'pass', detail: 'Cost centre CC-7.' });
    expect(await c.evaluate(artifact({ owner: 'finance' }), context)).toEqual({
      status: 'pass',
      detail:
        'Cost centre CC-1001, from the owning team group:default/finance.',
    });
  });

  it('fails without one and says where to put it', async () => {
    const result = await check().evaluate(artifact({}), context);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain(
      'No agent-mesh.io/cost-centre annotation on the entity or its owner group:default/labs',
    );
    const userOwned = await check().evaluate(
      artifact({ owner: 'user:default/jo' }),
      context,
    );
    expect(userOwned.status).toBe('fail');
  });

  it('is na outside the configured lifecycles', async () => {
    expect(
      (await check().evaluate(artifact({ lifecycle: 'experimental' }), context))
        .status,
    ).toBe('na');
    const both = check({ lifecycles: ['Production', 'experimental'] });
    expect(both.title).toBe(
      'Production and Experimental work declares a cost centre',
    );
    expect(
      (await both.evaluate(artifact({ lifecycle: 'experimental' }), context))
        .status,
    ).toBe('fail');
    expect(
      (await check().evaluate(artifact({ lifecycle: undefined }), context))
        .status,
    ).toBe('na');
  });

  it('checks the format, on the entity and on the owner', async () => {
    const c = check({ pattern: '^CC-[0-9]{4}$' });
    const own = await c.evaluate(
      artifact({}, { 'agent-mesh.io/cost-centre': 'CC-12' }),
      context,
    );
    expect(own.status).toBe('fail');
    expect(own.detail).toContain("'CC-12' on the entity does not match");
    const inherited = await c.evaluate(artifact({ owner: 'sloppy' }), context);
    expect(inherited.status).toBe('fail');
    expect(inherited.detail).toContain('the owning team group:default/sloppy');
    expect(
      (await c.evaluate(artifact({ owner: 'finance' }), context)).status,
    ).toBe('pass');
  });

  it('reads another annotation and can ignore the owner', async () => {
    const c = check({
      annotation: 'acme.com/budget',
      inheritFromOwner: false,
    });
    expect(
      (
        await c.evaluate(
          artifact({ owner: 'finance' }, { 'acme.com/budget': 'B-1' }),
          context,
        )
      ).status,
    ).toBe('pass');
    const result = await c.evaluate(artifact({ owner: 'finance' }), context);
    expect(result).toEqual({
      status: 'fail',
      detail:
        'No acme.com/budget annotation on the entity. Add one so that the spend of its agents is charged to a budget.',
    });
  });

  it('refuses bad configuration, naming the key', () => {
    expect(() => check({ pattern: '(' })).toThrow(
      'agentMesh.exampleChecks.costCentre.pattern is not a regular expression',
    );
    expect(() => check({ lifecycles: [] })).toThrow(
      'agentMesh.exampleChecks.costCentre.lifecycles must name at least one lifecycle',
    );
    expect(() => check({ inheritFromOwner: 'sometimes' })).toThrow(
      'agentMesh.exampleChecks.costCentre.inheritFromOwner',
    );
  });
});
