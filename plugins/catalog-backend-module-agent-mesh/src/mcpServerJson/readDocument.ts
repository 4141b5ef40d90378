import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import fs from 'fs/promises';
import { isUrl } from './resolveTarget';

/** server.json documents are small; a larger file is not one. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type DocumentReadResult =
  | { ok: true; text: string }
  | { ok: false; notFound: boolean; problem: string };

/**
 * Reads a server.json from a URL (through the UrlReaderService, so the integrations and
 * `backend.reading.allow` apply) or from a file path. Never throws.
 */
export async function readDocument(
  target: string,
  reader: UrlReaderService,
): Promise<DocumentReadResult> {
  let data: Buffer;
  try {
    data = isUrl(target)
      ? await (await reader.readUrl(target)).buffer()
      : await fs.readFile(target);
  } catch (error) {
    const notFound =
      error instanceof NotFoundError ||
      (error as NodeJS.ErrnoException)?.code === 'ENOENT' ||
      (error as Error)?.name === 'NotFoundError';
    return {
      ok: false,
      notFound,
      problem: notFound
        ? `${target} does not exist`
        : `${target} could not be read: ${(error as Error)?.message ?? error}`,
    };
  }
  if (data.byteLength > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      notFound: false,
      problem: `${target} is larger than ${MAX_DOCUMENT_BYTES} bytes; it is not a server.json`,
    };
  }
  return { ok: true, text: data.toString('utf8') };
}
