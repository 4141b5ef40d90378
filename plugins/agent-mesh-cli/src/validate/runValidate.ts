import { CliOutput } from '../io';
import { entityLabel } from './entityLabel';
import { readEntityFiles } from './readEntityFiles';
import { validateEntity } from './validateEntity';

/** Exit code when every entity in every file is valid. */
export const EXIT_VALID = 0;
/** Exit code when at least one file or entity has a problem. */
export const EXIT_PROBLEMS = 1;

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * `agent-mesh validate <files...>`: checks every entity in the files, prints one line per problem
 * to stdout (`<file>: <kind>:<namespace>/<name>: <message>`) and a summary line to stderr.
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
    let summary = `all ${entities} entities in ${inFiles} are valid`;
    if (entities === 0) {
      summary = `no entities found in ${inFiles}`;
    } else if (entities === 1) {
      summary = `the 1 entity in ${inFiles} is valid`;
    }
    output.stderr.write(`${summary}\n`);
    return EXIT_VALID;
  }
  const unreadable =
    unreadableFiles > 0 ? `, ${unreadableFiles} unreadable` : '';
  output.stderr.write(
    `${count(problems, 'problem')} in ${invalidEntities} of ${count(
      entities,
      'entity',
      'entities',
    )} (${inFiles}${unreadable})\n`,
  );
  return EXIT_PROBLEMS;
}
