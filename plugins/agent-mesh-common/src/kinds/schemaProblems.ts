import Ajv, { ErrorObject } from 'ajv';

/**
 * One thing wrong with an entity or document: the field (`spec.builtBy[1]`) and a message that
 * names the field and the rule.
 *
 * @public
 */
export interface EntityValidationProblem {
  path: string;
  message: string;
}

/** Formats that the documents' schemas use, with the words that messages use for them. */
const FORMATS: Record<string, { test: RegExp; words: string }> = {
  'http-url': { test: /^https?:\/\/\S+$/, words: 'an http or https URL' },
  'url-template': {
    test: /^(https?:\/\/\S+|\{[a-zA-Z_][a-zA-Z0-9_]*\}\S*)$/,
    words: 'an http or https URL, or start with a {variable}',
  },
};

/** An ajv instance for the documents Agent Mesh reads (agent cards, server.json). */
export function createDocumentAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [name, { test }] of Object.entries(FORMATS)) {
    ajv.addFormat(name, test);
  }
  return ajv;
}

/** `/spec/builtBy/1` to `spec.builtBy[1]` */
function toFieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path === '' ? part : `.${part}`;
  }
  return path;
}

function describeType(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'an object';
  return `a ${type}`;
}

/**
 * Turns ajv errors into problems that name the field, in the words of `subject` ("Agent",
 * "server.json"); `rootLabel` names the document itself ('' leaves it out). Errors of `if` (which only say that a `then` failed, and that error is
 * reported on its own) are left out.
 */
export function describeSchemaErrors(
  subject: string,
  errors: ErrorObject[] | null | undefined,
  rootLabel = '(entity)',
): EntityValidationProblem[] {
  return (errors ?? [])
    .filter(error => error.keyword !== 'if')
    .map(error => schemaProblem(subject, error, rootLabel));
}

function schemaProblem(
  subject: string,
  error: ErrorObject,
  rootLabel: string,
): EntityValidationProblem {
  const params = error.params as Record<string, any>;
  if (error.keyword === 'required') {
    const path = toFieldPath(error.instancePath, params.missingProperty);
    return { path, message: `${subject} ${path} is required` };
  }
  const path = toFieldPath(error.instancePath) || rootLabel;
  const problem = (rule: string) => ({
    path,
    message: path ? `${subject} ${path} ${rule}` : `${subject} ${rule}`,
  });
  switch (error.keyword) {
    case 'type':
      return problem(`must be ${describeType(params.type)}`);
    case 'minLength':
      return problem(
        params.limit === 1
          ? 'must not be empty'
          : `must be at least ${params.limit} characters long`,
      );
    case 'maxLength':
      return problem(`must be at most ${params.limit} characters long`);
    case 'minItems':
      return problem(
        `must list at least ${params.limit} item${
          params.limit === 1 ? '' : 's'
        }`,
      );
    case 'format':
      return problem(
        `must be ${
          FORMATS[params.format]?.words ?? `in the format ${params.format}`
        }`,
      );
    case 'not':
      return problem('has a value that is not allowed');
    case 'pattern':
      return problem(`must match the pattern ${params.pattern}`);
    case 'enum':
      return problem(
        `must be one of ${(params.allowedValues as string[]).join(', ')}`,
      );
    case 'uniqueItems':
      return problem(
        `must not list the same value twice (items ${Math.min(
          params.i,
          params.j,
        )} and ${Math.max(params.i, params.j)})`,
      );
    default:
      return problem(error.message ?? 'is not valid');
  }
}
