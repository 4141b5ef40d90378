import { CliOutput } from '../io';
import { entityLabel } from './entityLabel';
import { validateMcpServerJson } from '@agent-mesh/plugin-agent-mesh-common';
import { readEntityFiles } from './readEntityFiles';
import { isServerJsonDocument } from './serverJsonDocument';
import { validateEntity } from './validateEntity';

/** Exit code when every entity in every file is valid. */
export const EXIT_VALID = 0;
/** Exit code when at least one file or entity has a problem. */
export const EXIT_PROBLEMS = 1;

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "5 entities", "1 server.json", "5 entities and 1 server.json". */
function documents(entities: number, servers: number): string {
  const entityCount = count(entities, 'entity', 'entities');
  if (servers === 0) return entityCount;
  const serverCount = count(servers, 'server.json', 'server.json documents');
  return entities === 0 ? serverCount : `${entityCount} and ${serverCount}`;
}

/**
 * `agent-mesh validate <files...>`: checks every entity in the files, and every MCP server.json
 * (see `isServerJsonDocument`) with the rules of the `mcp-server-json` location type; prints one
 * line per problem to stdout (`<file>: <kind>:<namespace>/<name>: <message>`, or
 * `<file>: server.json <field> ...`) and a summary line to stderr.
 * Resolves to the exit code: 0 when everything is valid, 1 when there are problems.
 *
 * Files are printed as given and read relative to `options.cwd` (default: the process's).
 */
export async function runValidate(
  files: string[],
  output: CliOutput,
  options: { cwd?: string } = {},
): Promise<number> {
  let problems = 0;
  let entities = 0;
  let servers = 0;
  let invalidEntities = 0;
  let unreadableFiles = 0;

  for (const entityFile of await readEntityFiles(files, options)) {
    if (entityFile.error !== undefined) {
      problems += 1;
      unreadableFiles += 1;
      output.stdout.write(`${entityFile.file}: ${entityFile.error}\n`);
      continue;
    }
    for (const { index, value } of entityFile.documents) {
      if (isServerJsonDocument(entityFile.file, value)) {
        servers += 1;
        const { errors } = validateMcpServerJson(value);
        if (errors.length > 0) {
          invalidEntities += 1;
          problems += errors.length;
          for (const { message } of errors) {
            output.stdout.write(`${entityFile.file}: ${message}\n`);
          }
        }
        continue;
      }
      entities += 1;
      const messages = await validateEntity(value);
      if (messages.length > 0) {
        invalidEntities += 1;
        problems += messages.length;
        const label = entityLabel(value, index);
        for (const message of messages) {
          output.stdout.write(`${entityFile.file}: ${label}: ${message}\n`);
        }
      }
    }
  }

  const inFiles = count(files.length, 'file');
  if (problems === 0) {
    let summary = `all ${documents(entities, servers)} in ${inFiles} are valid`;
    if (entities + servers === 0) {
      summary = `no entities found in ${inFiles}`;
    } else if (entities + servers === 1) {
      summary = `the ${documents(entities, servers)} in ${inFiles} is valid`;
    }
    output.stderr.write(`${summary}\n`);
    return EXIT_VALID;
  }
  const unreadable =
    unreadableFiles > 0 ? `, ${unreadableFiles} unreadable` : '';
  output.stderr.write(
    `${count(problems, 'problem')} in ${invalidEntities} of ${documents(
      entities,
      servers,
    )} (${inFiles}${unreadable})\n`,
  );
  return EXIT_PROBLEMS;
}
