import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  AGENT_KIND,
  AGENT_MESH_API_VERSION,
  AI_ARTIFACT_KIND,
  RELATION_BUILT_BY,
  RELATION_HAS_BUILT,
} from '@agent-mesh/plugin-agent-mesh-common';

const KINDS = new Set([AGENT_KIND, AI_ARTIFACT_KIND]);

function isAgentMeshKind(entity: Entity): boolean {
  return entity.apiVersion === AGENT_MESH_API_VERSION && KINDS.has(entity.kind);
}

/**
 * Accepts the Agent and AiArtifact kinds and emits their ownership and built-by relations in
 * both directions.
 *
 * @public
 */
export class AgentMeshKindsProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AgentMeshKindsProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return isAgentMeshKind(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isAgentMeshKind(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const namespace = self.namespace;

    const owner = entity.spec?.owner;
    if (typeof owner === 'string' && owner) {
      const target = parseEntityRef(owner, {
        defaultKind: 'Group',
        defaultNamespace: namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_OWNED_BY,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_OWNER_OF,
          target: self,
        }),
      );
    }

    const builtBy = entity.spec?.builtBy;
    if (entity.kind === AI_ARTIFACT_KIND && Array.isArray(builtBy)) {
      for (const ref of builtBy) {
        if (typeof ref !== 'string') continue;
        const agent = parseEntityRef(ref, {
          defaultKind: AGENT_KIND,
          defaultNamespace: namespace,
        });
        emit(
          processingResult.relation({
            source: self,
            type: RELATION_BUILT_BY,
            target: agent,
          }),
        );
        emit(
          processingResult.relation({
            source: agent,
            type: RELATION_HAS_BUILT,
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}
