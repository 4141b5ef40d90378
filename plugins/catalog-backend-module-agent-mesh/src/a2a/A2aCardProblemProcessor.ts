import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_A2A_CARD_PROBLEM,
  isAgentEntity,
} from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Turns the problem that `A2aAgentCardProvider` found with an agent card (the
 * `agent-mesh.io/a2a-card-problem` annotation) into a processing error of the Agent. An entity
 * provider cannot report errors itself; a failed processing run keeps the Agent's last valid
 * version in the catalog and shows the error on it (or, for an Agent never valid, lists it
 * among the unprocessed entities).
 *
 * @public
 */
export class A2aCardProblemProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AgentMeshA2aCardProblemProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const problem = entity.metadata.annotations?.[ANNOTATION_A2A_CARD_PROBLEM];
    if (problem && isAgentEntity(entity)) {
      emit(processingResult.inputError(location, problem));
    }
    return entity;
  }
}
