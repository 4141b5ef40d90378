import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Entity, LocationEntity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MCP_SERVER_LIFECYCLE,
  ANNOTATION_MCP_SERVER_OWNER,
  ANNOTATION_MCP_SERVER_SYSTEM,
  validateMcpServerJson,
} from '@agent-mesh/plugin-agent-mesh-common';
import { readDocument } from './readDocument';
import { resolveTarget } from './resolveTarget';
import {
  McpServerCatalogFields,
  serverJsonToEntity,
} from './serverJsonToEntity';

/**
 * The location type whose targets are MCP server.json documents.
 *
 * @public
 */
export const MCP_SERVER_JSON_LOCATION_TYPE = 'mcp-server-json';

/** `agentMesh.mcpServerJson`: what a Location without the annotations gets. */
export type McpServerJsonDefaults = {
  owner?: string;
  lifecycle: string;
};

export function readMcpServerJsonDefaults(
  config: Config,
): McpServerJsonDefaults {
  return {
    owner: config.getOptionalString('agentMesh.mcpServerJson.defaultOwner'),
    lifecycle:
      config.getOptionalString('agentMesh.mcpServerJson.defaultLifecycle') ??
      'production',
  };
}

function isServerJsonLocation(entity: Entity): entity is LocationEntity {
  return (
    entity.kind === 'Location' &&
    entity.spec?.type === MCP_SERVER_JSON_LOCATION_TYPE
  );
}

/**
 * Makes an API entity of `spec.type: mcp-server` of each MCP server.json that a Location of
 * type `mcp-server-json` names (a file path or an http(s) URL), owned as the Location's
 * annotations or `agentMesh.mcpServerJson` say. A document that is not valid JSON or not a
 * valid server.json gets one processing error per problem, each naming the field.
 *
 * The catalog's `readLocation` step sees only a target's type and path, not the Location
 * entity and its annotations; so this processor reads the documents when it post-processes
 * the Location itself, and its `readLocation` only claims the type.
 *
 * @public
 */
export class McpServerJsonProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      reader: UrlReaderService;
      defaults: McpServerJsonDefaults;
    },
  ) {}

  getProcessorName(): string {
    return 'AgentMeshMcpServerJsonProcessor';
  }

  async readLocation(location: LocationSpec): Promise<boolean> {
    return location.type === MCP_SERVER_JSON_LOCATION_TYPE;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isServerJsonLocation(entity)) return entity;
    const targets = [entity.spec.target, ...(entity.spec.targets ?? [])].filter(
      (t): t is string => typeof t === 'string' && t !== '',
    );
    const fields = this.catalogFields(entity);
    for (const target of targets) {
      const spec: LocationSpec = {
        type: MCP_SERVER_JSON_LOCATION_TYPE,
        target: resolveTarget(target, location),
        presence: entity.spec.presence,
      };
      await this.readServerJson(spec, fields, emit);
    }
    return entity;
  }

  private catalogFields(
    location: LocationEntity,
  ): Omit<McpServerCatalogFields, 'owner'> & { owner?: string } {
    const annotations = location.metadata.annotations ?? {};
    return {
      owner:
        annotations[ANNOTATION_MCP_SERVER_OWNER] ?? this.options.defaults.owner,
      lifecycle:
        annotations[ANNOTATION_MCP_SERVER_LIFECYCLE] ??
        this.options.defaults.lifecycle,
      system: annotations[ANNOTATION_MCP_SERVER_SYSTEM],
      namespace: location.metadata.namespace ?? 'default',
    };
  }

  private async readServerJson(
    location: LocationSpec,
    fields: Omit<McpServerCatalogFields, 'owner'> & { owner?: string },
    emit: CatalogProcessorEmit,
  ): Promise<void> {
    const read = await readDocument(location.target, this.options.reader);
    if (!read.ok) {
      if (read.notFound && location.presence === 'optional') return;
      emit(
        read.notFound
          ? processingResult.notFoundError(location, read.problem)
          : processingResult.generalError(location, read.problem),
      );
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(read.text);
    } catch (error) {
      emit(
        processingResult.inputError(
          location,
          `${location.target}: server.json is not valid JSON (${
            (error as Error).message
          })`,
        ),
      );
      return;
    }
    const result = validateMcpServerJson(doc);
    if (!result.ok) {
      for (const problem of result.errors) {
        emit(
          processingResult.inputError(
            location,
            `${location.target}: ${problem.message}`,
          ),
        );
      }
      return;
    }
    if (!fields.owner) {
      emit(
        processingResult.inputError(
          location,
          `${location.target}: no owner for the API entity of ${result.value.name}; set the ${ANNOTATION_MCP_SERVER_OWNER} annotation on the Location or agentMesh.mcpServerJson.defaultOwner`,
        ),
      );
      return;
    }
    const api = serverJsonToEntity(result.value, {
      ...fields,
      owner: fields.owner,
    });
    if (!api) {
      emit(
        processingResult.inputError(
          location,
          `${location.target}: server.json name "${result.value.name}" makes no valid entity name`,
        ),
      );
      return;
    }
    emit(processingResult.entity(location, api));
  }
}
