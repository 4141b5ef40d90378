import { promises as fs } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parseAllDocuments, YAMLError } from 'yaml';

/**
 * One non-empty YAML document of a file.
 */
export interface EntityDocument {
  /** Position of the document in its file, counting from 1 (empty documents count too). */
  index: number;
  /** The document as plain data: usually an object, but anything YAML can express. */
  value: unknown;
}

/**
 * A file as read: either its documents, or why it could not be read or parsed.
 */
export type EntityFile =
  | { file: string; documents: EntityDocument[]; error?: undefined }
  | { file: string; documents?: undefined; error: string };

/** First line of a yaml error, with the line and column where the library knows them. */
function describeYamlError(error: YAMLError): string {
  const firstLine = error.message.split('\n')[0].replace(/:\s*$/, '');
  const position = error.linePos?.[0];
  if (position && !/\bat line \d+/.test(firstLine)) {
    return `${firstLine} at line ${position.line}, column ${position.col}`;
  }
  return firstLine;
}

/**
 * Parses the text of a YAML file into its documents. Empty documents (only `---`, only comments,
 * or `null`) are skipped. Any YAML error makes the whole file unusable.
 */
export function parseEntityYaml(file: string, text: string): EntityFile {
  const documents: EntityDocument[] = [];
  const parsed = parseAllDocuments(text);
  for (const [i, document] of Array.from(parsed).entries()) {
    if (document.errors.length > 0) {
      return {
        file,
        error: `invalid YAML: ${describeYamlError(document.errors[0])}`,
      };
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      return { file, error: `invalid YAML: ${(error as Error).message}` };
    }
    if (value !== null && value !== undefined) {
      documents.push({ index: i + 1, value });
    }
  }
  return { file, documents };
}

/**
 * Reads one YAML file. `file` is reported as given; it is read relative to `cwd`.
 */
export async function readEntityFile(
  file: string,
  options: { cwd?: string } = {},
): Promise<EntityFile> {
  let text: string;
  try {
    text = await fs.readFile(
      resolvePath(options.cwd ?? process.cwd(), file),
      'utf8',
    );
  } catch (error) {
    return { file, error: `cannot read file: ${(error as Error).message}` };
  }
  return parseEntityYaml(file, text);
}

/**
 * Reads YAML files in the order given.
 */
export async function readEntityFiles(
  files: string[],
  options: { cwd?: string } = {},
): Promise<EntityFile[]> {
  return Promise.all(files.map(file => readEntityFile(file, options)));
}
