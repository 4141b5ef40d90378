import { InputError } from '@backstage/errors';

/** An opaque cursor for the page after the action with this seq (newest first). */
export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, before: seq })).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): number {
  try {
    const { v, before } = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (v === 1 && Number.isSafeInteger(before) && before > 0) {
      return before;
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor is not a cursor returned by GET /actions');
}
