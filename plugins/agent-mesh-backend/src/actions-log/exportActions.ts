import {
  Action,
  ActionCheckpointRecord,
  GENESIS_HASH,
} from '@agent-mesh/plugin-agent-mesh-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import { ChainRecord, chainPages } from './chainRecords';
import { parseListQuery } from './listQuery';
import { CheckpointKeys } from './signing/CheckpointKeys';
import { toApiAction } from './toApiAction';
import { ActionQuery, ActionStore } from './types';

export type ExportFormat = 'ndjson' | 'csv';

/** Rows read from the store per page while streaming an export. */
const EXPORT_PAGE = 500;

/** The columns of the CSV export, in order; `attributes` is written as JSON. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'receivedAt',
  'agent',
  'agentRef',
  'agentKnown',
  'ownerRef',
  'type',
  'target',
  'targetRef',
  'onBehalfOf',
  'summary',
  'status',
  'traceId',
  'spanId',
  'model',
  'inputTokens',
  'outputTokens',
  'attributes',
  'writer',
  'prevHash',
  'hash',
] as const;

/**
 * Reads the query of `GET /actions/export`: `format` (ndjson or csv), `evidence` (true: the
 * whole log with its checkpoints, for `agent-mesh verify-export`) and the filters of
 * `GET /actions`; `cursor` and `limit` do not apply, an export holds every match.
 */
export function parseExportQuery(query: Record<string, unknown>): {
  format: ExportFormat;
  filter: Omit<ActionQuery, 'limit'>;
  evidence: boolean;
} {
  const { format, evidence: evidenceParam, ...rest } = query;
  if (format !== 'ndjson' && format !== 'csv') {
    throw new InputError('format must be ndjson or csv');
  }
  if (
    evidenceParam !== undefined &&
    evidenceParam !== 'true' &&
    evidenceParam !== 'false'
  ) {
    throw new InputError('evidence must be true or false');
  }
  const evidence = evidenceParam === 'true';
  for (const name of ['cursor', 'limit']) {
    if (name in rest) {
      throw new InputError(
        `${name} does not apply to an export, which holds every matching action`,
      );
    }
  }
  const { limit: _limit, ...filter } = parseListQuery(rest);
  if (evidence) {
    if (format !== 'ndjson') {
      throw new InputError('evidence=true needs format=ndjson');
    }
    const filters = Object.keys(rest);
    if (filters.length > 0) {
      throw new InputError(
        `evidence=true exports the whole log, so that it can be verified: ${filters.join(
          ', ',
        )} do${filters.length === 1 ? 'es' : ''} not apply`,
      );
    }
  }
  return { format, filter, evidence };
}

/**
 * Starts of a field that spreadsheets read as a formula (=, +, -, @, tab, carriage return, and
 * their full-width forms), as csv-stringify's `escape_formulas` lists them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field: a text that a spreadsheet would run as a formula (`=HYPERLINK(...)` in a
 * summary) gets a leading `'`; quoted when it holds a comma, a quote or a line break.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(action: Action): string {
  return `${CSV_COLUMNS.map(column => csvField(action[column])).join(',')}\r\n`;
}

/** Pages of the export of every action that matches `filter`, as text. */
async function* actionPages(options: {
  store: ActionStore;
  filter: Omit<ActionQuery, 'limit'>;
  format: ExportFormat;
  pageSize: number;
}): AsyncGenerator<string> {
  const { store, filter, format, pageSize } = options;
  let page = await store.list({ ...filter, limit: pageSize });
  while (page.length > 0) {
    yield page
      .map(toApiAction)
      .map(a => (format === 'csv' ? csvRow(a) : `${JSON.stringify(a)}\n`))
      .join('');
    if (page.length < pageSize) {
      return;
    }
    page = await store.list({
      ...filter,
      beforeSeq: page[page.length - 1].seq,
      limit: pageSize,
    });
  }
}

function checkpointLine(record: ActionCheckpointRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function recordLines(page: ChainRecord[]): string {
  return page
    .map(r =>
      r.action
        ? `${JSON.stringify(toApiAction(r.action))}\n`
        : checkpointLine({ record: 'checkpoint', ...r.checkpoint }),
    )
    .join('');
}

/**
 * Pages of the evidence export: first an `export` checkpoint of its newest action (or, when
 * retention removed every action, of the retention checkpoint; or of the genesis), signed now,
 * then the whole log with its checkpoints in the order `ActionChainVerifier` reads.
 */
async function* evidencePages(options: {
  store: ActionStore;
  keys: CheckpointKeys;
  pageSize: number;
}): AsyncGenerator<string> {
  const pages = chainPages(options.store, { pageSize: options.pageSize });
  const first = await pages.next();
  const firstPage = first.done ? [] : first.value;
  const head = firstPage.find(r => r.action)?.action ??
    firstPage.find(r => r.checkpoint?.kind === 'retention')?.checkpoint ?? {
      seq: 0,
      hash: GENESIS_HASH,
    };
  const signed = options.keys.sign({
    kind: 'export',
    seq: head.seq,
    hash: head.hash,
    createdAt: new Date().toISOString(),
  });
  yield checkpointLine({ record: 'checkpoint', ...signed }) +
    recordLines(firstPage);
  for await (const page of pages) {
    yield recordLines(page);
  }
}

/**
 * Streams every action that matches `filter` (newest first) as NDJSON or CSV, page by page, and
 * waits for the client to drain what was written before reading the next page. With `evidence`
 * (the keys that sign the export's checkpoint), the whole log with its checkpoints instead.
 */
export async function streamExport(options: {
  store: ActionStore;
  filter: Omit<ActionQuery, 'limit'>;
  format: ExportFormat;
  res: express.Response;
  pageSize?: number;
  evidence?: CheckpointKeys;
}): Promise<void> {
  const { store, filter, format, res, evidence } = options;
  const pageSize = options.pageSize ?? EXPORT_PAGE;
  // The response closes before it ends when the client goes away.
  let closed = false;
  res.once('close', () => {
    closed = true;
  });

  const pages = evidence
    ? evidencePages({ store, keys: evidence, pageSize })
    : actionPages({ store, filter, format, pageSize });
  // The first page is read before anything is sent, so that an early failure is still a
  // proper error response.
  let next = await pages.next();
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
  const name = evidence ? 'agent-mesh-actions-evidence' : 'agent-mesh-actions';
  res.status(200);
  res.setHeader(
    'Content-Type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
  );
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${name}-${stamp}Z.${format}"`,
  );
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.write(`${CSV_COLUMNS.join(',')}\r\n`);
  }
  try {
    while (!next.done && !closed) {
      if (!res.write(next.value)) {
        await new Promise<void>(resolve => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
      if (closed) {
        break;
      }
      next = await pages.next();
    }
    await pages.return(undefined);
    res.end();
  } catch (error) {
    // Headers are sent: all that is left is to cut the stream, so the client sees it incomplete.
    res.destroy(error as Error);
  }
}
