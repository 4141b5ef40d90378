import Ajv, { ValidateFunction } from 'ajv';
import { Entity } from '@backstage/catalog-model';
import {
  AGENT_KIND,
  AGENT_MESH_API_VERSION,
  AI_ARTIFACT_KIND,
  BUILT_BY_ANNOTATED_KINDS,
} from './constants';
import { agentEntitySchema, aiArtifactEntitySchema } from './schemas';
import { parseValidEntityRef, splitBuiltByAnnotation } from './entityRefs';
import { typedExternalIdProblem } from './externalIds';
import { ANNOTATION_BUILT_BY } from '../annotations';
import {
  describeSchemaErrors,
  EntityValidationProblem,
} from './schemaProblems';

export type { EntityValidationProblem } from './schemaProblems';

const ajv = new Ajv({ allErrors: true, strict: false });
const schemaValidators: Record<string, ValidateFunction> = {
  [AGENT_KIND]: ajv.compile(agentEntitySchema),
  [AI_ARTIFACT_KIND]: ajv.compile(aiArtifactEntitySchema),
};

type RefRule = {
  /** Kinds the ref may point to (lower case); undefined allows any kind. */
  kinds?: string[];
  /** The allowed kinds in words, for messages: "a Group or User". */
  describe?: string;
  /** Kind assumed when the ref has none; without it the ref must name its kind. */
  defaultKind?: string;
};

function refProblem(
  kind: string,
  path: string,
  value: unknown,
  rule: RefRule,
  namespace: string,
): EntityValidationProblem | undefined {
  const parsed = parseValidEntityRef(value, {
    defaultKind: rule.defaultKind,
    defaultNamespace: namespace,
  });
  if (!parsed) {
    return {
      path,
      message: `${kind} ${path} ${JSON.stringify(
        value,
      )} is not a valid entity reference`,
    };
  }
  if (
    rule.kinds &&
    !rule.kinds.includes(parsed.kind.toLocaleLowerCase('en-US'))
  ) {
    return {
      path,
      message: `${kind} ${path} ${JSON.stringify(value)} must refer to ${
        rule.describe
      }`,
    };
  }
  return undefined;
}

const OWNER: RefRule = {
  kinds: ['group', 'user'],
  describe: 'a Group or User',
  defaultKind: 'Group',
};
const AGENT: RefRule = {
  kinds: ['agent'],
  describe: 'an Agent',
  defaultKind: AGENT_KIND,
};
/** Entra Agent ID takes a user or a group as an agent's sponsor; so does Agent Mesh. */
const SPONSOR: RefRule = {
  kinds: ['user', 'group'],
  describe: 'a User or Group',
  defaultKind: 'User',
};
const SYSTEM: RefRule = {
  kinds: ['system'],
  describe: 'a System',
  defaultKind: 'System',
};
const REVIEWER: RefRule = {
  kinds: ['user', 'group'],
  describe: 'a User or Group',
  defaultKind: 'User',
};
const ANY_KIND: RefRule = {};

function refProblems(entity: Entity): EntityValidationProblem[] {
  const { kind } = entity;
  const spec = entity.spec as Record<string, any>;
  const namespace = entity.metadata.namespace ?? 'default';
  const problems: (EntityValidationProblem | undefined)[] = [];
  // Values of the wrong type are the schema's to report; only strings are checked as refs.
  const check = (path: string, value: unknown, rule: RefRule) => {
    if (typeof value === 'string') {
      problems.push(refProblem(kind, path, value, rule, namespace));
    }
  };
  const each = (field: string, rule: RefRule) => {
    const values: unknown = spec[field];
    if (Array.isArray(values)) {
      values.forEach((value, i) => check(`spec.${field}[${i}]`, value, rule));
    }
  };

  check('spec.owner', spec.owner, OWNER);
  check('spec.system', spec.system, SYSTEM);
  if (kind === AGENT_KIND) {
    check('spec.sponsor', spec.sponsor, SPONSOR);
    problems.push(...externalIdProblems(kind, spec.externalIds));
  } else {
    each('builtBy', AGENT);
    each('dependsOn', ANY_KIND);
    each('reviewers', REVIEWER);
    const acknowledged: unknown = spec.acknowledgedOverlaps;
    if (Array.isArray(acknowledged)) {
      acknowledged.forEach((ack, i) =>
        check(
          `spec.acknowledgedOverlaps[${i}].entityRef`,
          ack?.entityRef,
          ANY_KIND,
        ),
      );
    }
  }
  return problems.filter((p): p is EntityValidationProblem => p !== undefined);
}

/**
 * Typed ids (`entra:<guid>`, ...) must be well formed; untyped ones are taken as written. The
 * action log matches ids without regard to case, so two that differ only in case are one id.
 */
function externalIdProblems(
  kind: string,
  values: unknown,
): EntityValidationProblem[] {
  if (!Array.isArray(values)) {
    return [];
  }
  const problems: EntityValidationProblem[] = [];
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const path = `spec.externalIds[${i}]`;
    const problem = typedExternalIdProblem(value);
    if (problem) {
      problems.push({
        path,
        message: `${kind} ${path} ${JSON.stringify(value)} ${problem}`,
      });
    }
    const key = value.toLocaleLowerCase('en-US');
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, i);
    } else if (values[earlier] !== value) {
      problems.push({
        path: 'spec.externalIds',
        message: `${kind} spec.externalIds lists one id twice, in different case (items ${earlier} and ${i}); ids are matched without regard to case`,
      });
    }
  });
  return problems;
}

/**
 * Checks an Agent or AiArtifact entity against its schema and the reference rules, and the
 * `agent-mesh.io/built-by` annotation on the kinds that carry it. Returns no problem for
 * entities that Agent Mesh does not define.
 *
 * @public
 */
export function validateAgentMeshEntity(
  entity: Entity,
): EntityValidationProblem[] {
  const kind = entity.kind;
  if (
    entity.apiVersion === AGENT_MESH_API_VERSION &&
    (kind === AGENT_KIND || kind === AI_ARTIFACT_KIND)
  ) {
    const validate = schemaValidators[kind];
    const schemaProblems = validate(entity)
      ? []
      : describeSchemaErrors(kind, validate.errors);
    if (typeof entity.spec !== 'object' || entity.spec === null) {
      return schemaProblems;
    }
    // Every problem at once: the reference rules too, on the fields the schema found no fault in.
    const faulty = schemaProblems.map(p => p.path);
    const references = refProblems(entity).filter(
      p =>
        !faulty.some(path => p.path === path || p.path.startsWith(`${path}[`)),
    );
    return [...schemaProblems, ...references];
  }
  return validateBuiltByAnnotation(entity);
}

/**
 * Checks the `agent-mesh.io/built-by` annotation of a Component, API, Resource or AiResource.
 *
 * @public
 */
export function validateBuiltByAnnotation(
  entity: Entity,
): EntityValidationProblem[] {
  const value = entity.metadata.annotations?.[ANNOTATION_BUILT_BY];
  if (
    value === undefined ||
    !(BUILT_BY_ANNOTATED_KINDS as readonly string[]).includes(entity.kind)
  ) {
    return [];
  }
  const path = `metadata.annotations["${ANNOTATION_BUILT_BY}"]`;
  const refs = splitBuiltByAnnotation(value);
  if (refs.length === 0) {
    return [
      {
        path,
        message: `${entity.kind} ${path} must list at least one Agent ref`,
      },
    ];
  }
  const namespace = entity.metadata.namespace ?? 'default';
  return refs
    .map(ref => refProblem(entity.kind, path, ref, AGENT, namespace))
    .filter((p): p is EntityValidationProblem => p !== undefined);
}
