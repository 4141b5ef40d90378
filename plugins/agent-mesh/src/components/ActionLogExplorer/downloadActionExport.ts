import { FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ActionFilters, AgentMeshApi } from '../../api';

export type ExportFormat = 'csv' | 'ndjson';

/** The file name the backend suggests in Content-Disposition, or one of our own. */
export function exportFileName(
  response: Response,
  format: ExportFormat,
  now: Date,
): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="([^"/\\]+)"/.exec(disposition);
  if (match) return match[1];
  return `agent-mesh-actions-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Hands a blob to the browser as a download. */
export function saveFile(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * Downloads the action log for these filters through the fetch API (so that the request carries
 * the user's Backstage token, which a plain link would not) and saves it as a file.
 */
export async function downloadActionExport(options: {
  api: AgentMeshApi;
  fetchApi: FetchApi;
  filters: ActionFilters;
  format: ExportFormat;
}): Promise<string> {
  const { api, fetchApi, filters, format } = options;
  const url = await api.exportUrl({ ...filters, format });
  const response = await fetchApi.fetch(url);
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  const fileName = exportFileName(response, format, new Date());
  saveFile(await response.blob(), fileName);
  return fileName;
}
