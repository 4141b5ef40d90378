import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import { parseListQuery } from './listQuery';
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
 * Reads the query of `GET /actions/export`: `format` (ndjson or csv) and the filters of
 * `GET /actions`; `cursor` and `limit` do not apply, an export holds every match.
 */
export function parseExportQuery(query: Record<string, unknown>): {
  format: ExportFormat;
  filter: Omit<ActionQuery, 'limit'>;
} {
  const { format, ...rest } = query;
  if (format !== 'ndjson' && format !== 'csv') {
    throw new InputError('format must be ndjson or csv');
  }
  for (const name of ['cursor', 'limit']) {
    if (name in rest) {
      throw new InputError(
        `${name} does not apply to an export, which holds every matching action`,
      );
    }
  }
  const { limit: _limit, ...filter } = parseListQuery(rest);
  return { format, filter };
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

/**
 * Streams every action that matches `filter` (newest first) as NDJSON or CSV, page by page, and
 * waits for the client to drain what was written before reading the next page.
 */
export async function streamExport(options: {
  store: ActionStore;
  filter: Omit<ActionQuery, 'limit'>;
  format: ExportFormat;
  res: express.Response;
  pageSize?: number;
}): Promise<void> {
  const { store, filter, format, res } = options;
  const pageSize = options.pageSize ?? EXPORT_PAGE;
  // The response closes before it ends when the client goes away.
  let closed = false;
  res.once('close', () => {
    closed = true;
  });

  // The first page is read before anything is sent, so that an early failure is still a
  // proper error response.
  let page = await store.list({ ...filter, limit: pageSize });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
  res.status(200);
  res.setHeader(
    'Content-Type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
  );
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="agent-mesh-actions-${stamp}Z.${format}"`,
  );
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.write(`${CSV_COLUMNS.join(',')}\r\n`);
  }
  try {
    while (page.length > 0 && !closed) {
      const chunk = page
        .map(toApiAction)
        .map(a => (format === 'csv' ? csvRow(a) : `${JSON.stringify(a)}\n`))
        .join('');
      if (!res.write(chunk)) {
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
      if (page.length < pageSize) {
        break;
      }
      page = await store.list({
        ...filter,
        beforeSeq: page[page.length - 1].seq,
        limit: pageSize,
      });
    }
    res.end();
  } catch (error) {
    // Headers are sent: all that is left is to cut the stream, so the client sees it incomplete.
    res.destroy(error as Error);
  }
}
