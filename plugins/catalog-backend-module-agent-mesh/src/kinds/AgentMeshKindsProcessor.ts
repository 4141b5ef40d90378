import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  AGENT_KIND,
  ANNOTATION_BUILT_BY,
  isAgentEntity,
  isAiArtifactEntity,
  parseValidEntityRef,
  RELATION_BUILT_BY,
  RELATION_HAS_BUILT,
  splitBuiltByAnnotation,
  validateAgentMeshEntity,
  validateBuiltByAnnotation,
} from '@agent-mesh/plugin-agent-mesh-common';
import { ExternalIdClaims } from '../externalIds/ExternalIdClaims';

/**
 * Validates the Agent and AiArtifact kinds, emits their relations in both directions, keeps
 * Agent external ids unique, and emits built-by relations for Component, API, Resource and
 * AiResource entities that carry the `agent-mesh.io/built-by` annotation.
 */
export class AgentMeshKindsProcessor implements CatalogProcessor {
  constructor(private readonly externalIds?: ExternalIdClaims) {}

  getProcessorName(): string {
    return 'AgentMeshKindsProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isAgentEntity(entity) && !isAiArtifactEntity(entity)) {
      return false;
    }
    const problems = validateAgentMeshEntity(entity);
    if (problems.length > 0) {
      throw new InputError(problems.map(p => p.message).join('; '));
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    const link = (
      field: unknown,
      defaultKind: string,
      forward: string,
      backward: string,
    ) => {
      const target = parseValidEntityRef(field, {
        defaultKind,
        defaultNamespace: self.namespace,
      });
      if (target) emitPair(emit, self, forward, backward, target);
    };

    if (isAgentEntity(entity) || isAiArtifactEntity(entity)) {
      link(entity.spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
      link(entity.spec.system, 'System', RELATION_PART_OF, RELATION_HAS_PART);
    }

    if (isAiArtifactEntity(entity)) {
      for (const agent of entity.spec.builtBy ?? []) {
        link(agent, AGENT_KIND, RELATION_BUILT_BY, RELATION_HAS_BUILT);
      }
      for (const dependency of entity.spec.dependsOn ?? []) {
        link(
          dependency,
          'Component',
          RELATION_DEPENDS_ON,
          RELATION_DEPENDENCY_OF,
        );
      }
    } else if (isAgentEntity(entity)) {
      await this.claimExternalIds(entity, location, emit);
    } else if (
      entity.metadata.annotations?.[ANNOTATION_BUILT_BY] !== undefined
    ) {
      const problems = validateBuiltByAnnotation(entity);
      for (const problem of problems) {
        emit(processingResult.inputError(location, problem.message));
      }
      if (problems.length === 0) {
        const value = entity.metadata.annotations[ANNOTATION_BUILT_BY];
        for (const agent of splitBuiltByAnnotation(value)) {
          link(agent, AGENT_KIND, RELATION_BUILT_BY, RELATION_HAS_BUILT);
        }
      }
    }
    return entity;
  }

  private async claimExternalIds(
    entity: Entity & { spec: { externalIds?: string[] } },
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ) {
    if (!this.externalIds) return;
    const ids = entity.spec.externalIds ?? [];
    const clashes = await this.externalIds.claim(
      stringifyEntityRef(entity),
      ids,
    );
    for (const clash of clashes) {
      emit(
        processingResult.inputError(
          location,
          `Agent spec.externalIds[${ids.indexOf(clash.externalId)}] "${
            clash.externalId
          }" is already used by ${
            clash.heldBy
          }; external ids must be unique across agents`,
        ),
      );
    }
  }
}

function emitPair(
  emit: CatalogProcessorEmit,
  source: CompoundEntityRef,
  forward: string,
  backward: string,
  target: CompoundEntityRef,
) {
  emit(processingResult.relation({ source, type: forward, target }));
  emit(
    processingResult.relation({
      source: target,
      type: backward,
      target: source,
    }),
  );
}
