import {
  Action,
  ActionCheckpoint,
  isActionCheckpointRecord,
} from '@agent-mesh/plugin-agent-mesh-common';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One line of an evidence export, as read. */
export type EvidenceLine =
  | { line: number; checkpoint: ActionCheckpoint }
  | { line: number; action: Action }
  | { line: number; problem: string };

const HASH = /^[0-9a-f]{64}$/;
const KINDS = new Set(['export', 'head', 'retention']);

function isSeq(value: unknown, min: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min;
}

/** What is wrong with the shape of a checkpoint record, or undefined. */
function checkpointProblem(
  record: Record<string, unknown>,
): string | undefined {
  if (!KINDS.has(record.kind as string)) return 'kind';
  if (!isSeq(record.seq, 0)) return 'seq';
  if (typeof record.hash !== 'string' || !HASH.test(record.hash)) {
    return 'hash';
  }
  if (typeof record.createdAt !== 'string') return 'createdAt';
  for (const field of ['keyId', 'signature', 'cut']) {
    if (record[field] !== undefined && typeof record[field] !== 'string') {
      return field;
    }
  }
  if (record.removed !== undefined && !isSeq(record.removed, 0)) {
    return 'removed';
  }
  return undefined;
}

/**
 * What is wrong with the shape of an action line, or undefined. Only what the chain needs to
 * place it is checked here; every other change shows in its hash.
 */
function actionProblem(record: Record<string, unknown>): string | undefined {
  if (!isSeq(record.seq, 1)) return 'seq';
  for (const field of ['hash', 'prevHash']) {
    const value = record[field];
    if (typeof value !== 'string' || !HASH.test(value)) return field;
  }
  return undefined;
}

/** Parses one line of an evidence export. */
export function parseEvidenceLine(text: string, line: number): EvidenceLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      line,
      problem: `line ${line}: not valid JSON (the file is cut short or damaged)`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, problem: `line ${line}: not a JSON object` };
  }
  if (isActionCheckpointRecord(value)) {
    const { record: _record, ...checkpoint } = value;
    const field = checkpointProblem(checkpoint as Record<string, unknown>);
    return field
      ? {
          line,
          problem: `line ${line}: a checkpoint record with a bad ${field}`,
        }
      : { line, checkpoint };
  }
  const field = actionProblem(value as Record<string, unknown>);
  return field
    ? { line, problem: `line ${line}: an action with a bad ${field}` }
    : { line, action: value as Action };
}

/** The lines of an evidence export file, one at a time; empty lines are skipped. */
export async function* readEvidenceLines(
  path: string,
): AsyncGenerator<EvidenceLine> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() !== '') {
      yield parseEvidenceLine(text, line);
    }
  }
}
