import Ajv, { ValidateFunction } from 'ajv';
import { resolvePointer } from './openApiDocument';

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: it becomes a type union with null, so that
 * ajv (JSON Schema) reads the document as OpenAPI means it.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  return out;
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Validates response bodies against the responses that the OpenAPI document declares. */
export function createResponseValidator(document: Record<string, any>) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', value => DATE_TIME.test(value));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addSchema(toJsonSchema(document) as object, 'openapi');
  const compiled = new Map<string, ValidateFunction>();

  /** The JSON schema pointer of a documented response, or an error saying what is missing. */
  function schemaPointer(
    method: string,
    path: string,
    status: number,
    contentType: string,
  ): string {
    const operation = document.paths?.[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${path} is not documented`);
    let response = operation.responses?.[String(status)];
    let pointer = `#/paths/${path.replace(
      /\//g,
      '~1',
    )}/${method.toLowerCase()}/responses/${status}`;
    if (response?.$ref) {
      pointer = response.$ref;
      response = resolvePointer(document, response.$ref);
    }
    if (!response) {
      throw new Error(`${method} ${path} documents no ${status} response`);
    }
    if (!response.content?.[contentType]?.schema) {
      throw new Error(
        `${method} ${path} ${status} documents no ${contentType} body`,
      );
    }
    return `${pointer}/content/${contentType.replace(/\//g, '~1')}/schema`;
  }

  /**
   * The ajv errors of `body` against the documented response, as readable lines; empty when the
   * body matches.
   */
  return function validateResponse(
    method: string,
    path: string,
    status: number,
    body: unknown,
    contentType = 'application/json',
  ): string[] {
    const pointer = schemaPointer(method, path, status, contentType);
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi${pointer}`);
      if (!validate) throw new Error(`Cannot compile ${pointer}`);
      compiled.set(pointer, validate);
    }
    return errorsOf(validate, body);
  };
}

function errorsOf(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    e =>
      `${e.instancePath || '(body)'} ${e.message}${
        e.params && 'additionalProperty' in e.params
          ? `: ${e.params.additionalProperty}`
          : ''
      }`,
  );
}

/**
 * Validates a value against one of the document's component schemas (e.g. a line of an NDJSON
 * body), with the same readable lines as `createResponseValidator`.
 */
export function createSchemaValidator(document: Record<string, any>) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', value => DATE_TIME.test(value));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addSchema(toJsonSchema(document) as object, 'openapi');
  return function validateSchema(component: string, value: unknown): string[] {
    const validate = ajv.getSchema(`openapi#/components/schemas/${component}`);
    if (!validate) throw new Error(`No component schema ${component}`);
    return errorsOf(validate, value);
  };
}
