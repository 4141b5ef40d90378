import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { aiResourceEntityV1alpha1Validator } from '@backstage/catalog-model/alpha';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  AGENT_KIND,
  AGENT_MESH_API_VERSION,
  AI_ARTIFACT_KIND,
  validateAgentMeshEntity,
} from '@agent-mesh/plugin-agent-mesh-common';

/**
 * The catalog's default entity policy: the envelope schema, the default namespace, no unknown
 * root fields, and the formats of metadata.name, namespace, labels, annotations and tags. Same
 * policies in the same order as the catalog backend's default.
 */
const entityPolicy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/** Backstage's own kinds, as the catalog and the scaffolder and AI model modules validate them. */
const backstageKindValidators: KindValidator[] = [
  componentEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
  aiResourceEntityV1alpha1Validator,
];

function isAgentMeshKind(entity: Entity): boolean {
  return (
    entity.apiVersion === AGENT_MESH_API_VERSION &&
    (entity.kind === AGENT_KIND || entity.kind === AI_ARTIFACT_KIND)
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks one parsed YAML document as the catalog with Agent Mesh would, and returns what is wrong
 * with it, one message per problem (none when it is valid).
 *
 * Order: the catalog's entity policy first (an entity it rejects is not checked further, as in
 * the catalog), then Backstage's kind validators, then Agent Mesh's checks (the Agent and
 * AiArtifact kinds, and the `agent-mesh.io/built-by` annotation on other kinds).
 */
export async function validateEntity(value: unknown): Promise<string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      `expected an entity object at the root of the document, got ${describeValue(
        value,
      )}`,
    ];
  }

  let entity: Entity;
  try {
    entity = (await entityPolicy.enforce(value as Entity)) ?? (value as Entity);
  } catch (error) {
    return [messageOf(error)];
  }

  const problems: string[] = [];
  let knownKind = isAgentMeshKind(entity);
  for (const validator of backstageKindValidators) {
    try {
      if (await validator.check(entity)) {
        knownKind = true;
        break;
      }
    } catch (error) {
      // The validator recognised its kind, and found it invalid.
      knownKind = true;
      problems.push(messageOf(error));
      break;
    }
  }

  if (!knownKind) {
    problems.push(
      `unknown kind "${entity.kind}" (apiVersion "${entity.apiVersion}")`,
    );
  }

  for (const problem of validateAgentMeshEntity(entity)) {
    problems.push(problem.message);
  }
  return problems;
}
