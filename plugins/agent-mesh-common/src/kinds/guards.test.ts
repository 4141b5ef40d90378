import { Entity } from '@backstage/catalog-model';
import {
  isAgentEntity,
  isAgentLikeEntity,
  isAiResourceAgentEntity,
} from './guards';

const entity = (apiVersion: string, kind: string, type?: string): Entity => ({
  apiVersion,
  kind,
  metadata: { name: 'x' },
  spec: { type, owner: 'group:default/a' },
});

describe('what counts as an agent', () => {
  it('is an Agent, or an AiResource of type agent', () => {
    const agent = entity('agent-mesh.io/v1alpha1', 'Agent', 'coding-agent');
    const aiResourceAgent = entity(
      'backstage.io/v1alpha1',
      'AiResource',
      'agent',
    );
    expect(isAgentEntity(agent)).toBe(true);
    expect(isAgentLikeEntity(agent)).toBe(true);
    expect(isAiResourceAgentEntity(aiResourceAgent)).toBe(true);
    expect(isAgentEntity(aiResourceAgent)).toBe(false);
    expect(isAgentLikeEntity(aiResourceAgent)).toBe(true);
  });

  it('is not an AiResource skill or rule, nor a Component of type agent', () => {
    for (const other of [
      entity('backstage.io/v1alpha1', 'AiResource', 'skill'),
      entity('backstage.io/v1alpha1', 'AiResource', 'rule'),
      entity('backstage.io/v1alpha1', 'Component', 'agent'),
    ]) {
      expect(isAgentLikeEntity(other)).toBe(false);
    }
  });
});
