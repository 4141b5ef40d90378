import { chainedActionOf } from '@agent-mesh/plugin-agent-mesh-common';
import {
  ActionChainVerdict,
  ActionChainVerifier,
} from '@agent-mesh/plugin-agent-mesh-common/node';
import type { KeyObject } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { CliOutput } from '../io';
import { readEvidenceLines } from './readEvidenceLines';

/** Exit code when the export verifies. */
export const EXIT_VERIFIED = 0;
/** Exit code when the export has problems or cannot be read. */
export const EXIT_PROBLEMS = 1;

export interface VerifyExportOptions {
  /** The trusted public keys; without any, signatures are not checked. */
  publicKeys: KeyObject[];
  /** Count unsigned checkpoints as problems, not warnings. */
  requireSigned?: boolean;
  /** The directory `file` is read relative to (default: the process's). */
  cwd?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeCheckpoints(verdict: ActionChainVerdict): string {
  const { checked, signed, unsigned, signaturesChecked } = verdict.checkpoints;
  if (!signaturesChecked) {
    return `${plural(
      checked,
      'checkpoint',
    )}, signatures not checked (no --public-key)`;
  }
  return `${plural(
    checked,
    'checkpoint',
  )}: ${signed} signed by a trusted key, ${unsigned} unsigned`;
}

/**
 * `agent-mesh verify-export <file>`: checks an evidence export of the action log
 * (`GET /actions/export?format=ndjson&evidence=true`) without the database, with the same
 * verifier as `GET /actions/verify`: every action's hash and link, that nothing is missing
 * from the export's signed head down to the genesis or a retention checkpoint, that every
 * checkpoint holds the hash of the action at its seq, and every checkpoint's signature against
 * the trusted public keys. Prints one line per problem to stdout, `<file>: <message>` (each
 * message names its seq, or the line for a line that cannot be read), and a summary to stderr.
 * Resolves to the exit code.
 */
export async function runVerifyExport(
  file: string,
  output: CliOutput,
  options: VerifyExportOptions,
): Promise<number> {
  const trusted = options.publicKeys.length > 0;
  const verifier = new ActionChainVerifier({
    trustedKeys: trusted ? options.publicKeys : undefined,
  });
  const lineProblems: string[] = [];
  let first = true;
  try {
    for await (const entry of readEvidenceLines(
      resolvePath(options.cwd ?? process.cwd(), file),
    )) {
      if ('problem' in entry) {
        lineProblems.push(entry.problem);
      } else if ('checkpoint' in entry) {
        const { checkpoint } = entry;
        if (first && checkpoint.kind === 'export' && trusted) {
          if (checkpoint.signature === undefined) {
            lineProblems.push(
              `line ${entry.line}: the export checkpoint is not signed, so actions missing at the newest end cannot be found`,
            );
          }
        }
        if (first && checkpoint.kind !== 'export') {
          lineProblems.push(
            `line ${entry.line}: not an evidence export, or its start is missing: the first line must be its export checkpoint (export with evidence=true)`,
          );
        }
        verifier.checkpoint(checkpoint);
      } else {
        if (first) {
          lineProblems.push(
            `line ${entry.line}: not an evidence export, or its start is missing: the first line must be its export checkpoint (export with evidence=true)`,
          );
        }
        verifier.action(chainedActionOf(entry.action));
      }
      first = false;
    }
  } catch (error) {
    output.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  }
  if (first) {
    lineProblems.push('the file is empty');
  }

  const verdict = verifier.finish();
  const problems = verdict.problems.map(p => p.message);
  const warnings = verdict.warnings.map(w => w.message);
  if (options.requireSigned) {
    problems.push(...warnings);
  }
  for (const message of [...lineProblems, ...problems]) {
    output.stdout.write(`${file}: ${message}\n`);
  }
  if (!options.requireSigned) {
    for (const message of warnings) {
      output.stdout.write(`${file}: warning: ${message}\n`);
    }
  }

  const range = verdict.oldest
    ? `seq ${verdict.oldest.seq} to ${verdict.newest!.seq}`
    : 'no actions';
  const count =
    lineProblems.length +
    verdict.broken +
    (options.requireSigned ? verdict.checkpoints.unsigned : 0);
  if (count === 0) {
    output.stderr.write(
      `${file}: verified ${plural(
        verdict.checked,
        'action',
      )} (${range}) and ${describeCheckpoints(verdict)}\n`,
    );
    return EXIT_VERIFIED;
  }
  const shown = lineProblems.length + problems.length;
  output.stderr.write(
    `${file}: ${plural(count, 'problem')}${
      shown < count ? ` (the first ${shown} listed)` : ''
    } in ${plural(
      verdict.checked,
      'action',
    )} (${range}) and ${describeCheckpoints(verdict)}\n`,
  );
  return EXIT_PROBLEMS;
}
