/**
 * The `agent-mesh` command line: `agent-mesh validate <files...>` checks catalog entity files in
 * a team's own pipeline, before the catalog sees them.
 *
 * @packageDocumentation
 */

import { CliOutput } from './io';
import { runValidate } from './runValidate';

export type { CliOutput } from './io';

/** Exit code for a command line that cannot be understood. */
const EXIT_USAGE = 2;

const USAGE = `Usage: agent-mesh validate <file.yaml...>

Checks catalog entity files (catalog-info.yaml and the like) as the Backstage catalog with the
Agent Mesh module would: the entity envelope and metadata formats, Backstage's own kinds
(Component, API, Resource, System, Domain, Group, User, Location, Template, AiResource), the
Agent and AiArtifact kinds (agent-mesh.io/v1alpha1) and the agent-mesh.io/built-by annotation.
Files may hold several documents separated by ---.

Prints one line per problem to stdout, "<file>: <kind>:<namespace>/<name>: <message>",
and a summary line to stderr.

Exit codes: 0 every entity is valid, 1 problems found, 2 usage error.

Options:
  -h, --help  show this help
`;

function usageError(output: CliOutput, message: string): number {
  output.stderr.write(`agent-mesh: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

/**
 * Runs the command line with the arguments after the program name, and resolves to the exit
 * code.
 *
 * @public
 */
export async function main(
  args: string[],
  output: CliOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const endOfOptions = args.indexOf('--');
  const options = endOfOptions === -1 ? args : args.slice(0, endOfOptions);
  if (options.includes('--help') || options.includes('-h')) {
    output.stdout.write(USAGE);
    return 0;
  }

  const [command, ...rest] = args;
  if (command === undefined) {
    return usageError(output, 'no command given');
  }
  if (command !== 'validate') {
    return usageError(output, `unknown command "${command}"`);
  }

  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of rest) {
    if (!onlyFiles && arg === '--') {
      onlyFiles = true;
    } else if (!onlyFiles && arg.startsWith('-')) {
      return usageError(output, `unknown option "${arg}"`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    return usageError(output, 'no files given');
  }
  return runValidate(files, output);
}
