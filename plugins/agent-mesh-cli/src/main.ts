import { CliOutput } from './io';
import { runValidate } from './validate/runValidate';
import { readPublicKeys } from './verifyExport/readPublicKeys';
import { runVerifyExport } from './verifyExport/runVerifyExport';

/** Exit code for a command line that cannot be understood. */
const EXIT_USAGE = 2;

const USAGE = `Usage: agent-mesh validate <file.yaml | server.json...>
       agent-mesh verify-export <export.ndjson> [--public-key <file or PEM>]... [--require-signed]

validate
  Checks catalog entity files (catalog-info.yaml and the like) as the Backstage catalog with the
  Agent Mesh module would: the entity envelope and metadata formats, Backstage's own kinds
  (Component, API, Resource, System, Domain, Group, User, Location, Template, AiResource), the
  Agent and AiArtifact kinds (agent-mesh.io/v1alpha1) and the agent-mesh.io/built-by annotation.
  Files may hold several documents separated by ---. MCP server.json documents (a file named
  server.json or *.server.json, or whose $schema is the MCP registry's server schema) are checked
  with the rules of the mcp-server-json location type.
  Prints one line per problem to stdout, "<file>: <kind>:<namespace>/<name>: <message>"
  (for a server.json "<file>: server.json <field> ..."), and a summary line to stderr.

verify-export
  Checks an evidence export of the Agent Mesh action log
  (GET /api/agent-mesh/actions/export?format=ndjson&evidence=true) without the database: every
  action's hash against its content, every link to the action before it, that no action is
  missing from the export's newest action down to the first one or a retention checkpoint, that
  every checkpoint holds the hash of the action at its seq, and every checkpoint's Ed25519
  signature against the public keys given (the plugin's key, and earlier ones after a change;
  without any, signatures are not checked).
  --public-key <file or PEM>  a trusted public key (PEM, SPKI); may be given more than once
  --require-signed            count checkpoints without a signature as problems
  Prints one line per problem to stdout, "<file>: seq <n>: <message>" (or "line <n>: ..."),
  unsigned checkpoints as "<file>: warning: ...", and a summary line to stderr.

Exit codes: 0 valid (verified), 1 problems found, 2 usage error.

Options:
  -h, --help  show this help
`;

function usageError(output: CliOutput, message: string): number {
  output.stderr.write(`agent-mesh: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

async function validate(args: string[], output: CliOutput): Promise<number> {
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
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

async function verifyExport(
  args: string[],
  output: CliOutput,
): Promise<number> {
  const files: string[] = [];
  const keys: string[] = [];
  let requireSigned = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--public-key') {
      if (i + 1 >= args.length) {
        return usageError(output, '--public-key needs a file or a PEM text');
      }
      keys.push(args[++i]);
    } else if (arg.startsWith('--public-key=')) {
      keys.push(arg.slice('--public-key='.length));
    } else if (arg === '--require-signed') {
      requireSigned = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return usageError(output, `unknown option "${arg}"`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    return usageError(
      output,
      files.length === 0
        ? 'no export file given'
        : 'verify-export takes one export file',
    );
  }
  let publicKeys;
  try {
    publicKeys = await readPublicKeys(keys);
  } catch (error) {
    return usageError(output, (error as Error).message);
  }
  if (requireSigned && publicKeys.length === 0) {
    return usageError(output, '--require-signed needs a --public-key');
  }
  return runVerifyExport(files[0], output, { publicKeys, requireSigned });
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
  if (command === 'validate') {
    return validate(rest, output);
  }
  if (command === 'verify-export') {
    return verifyExport(rest, output);
  }
  return usageError(output, `unknown command "${command}"`);
}
