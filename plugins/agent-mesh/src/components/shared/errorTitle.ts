/**
 * The title of an error panel. For a 400 the backend's message names the bad field, so it is the
 * title (ResponseErrorPanel would otherwise hide it behind "Request failed with 400").
 */
export function errorTitle(error: Error, what: string): string | undefined {
  const { statusCode, body } = error as {
    statusCode?: number;
    body?: { error?: { message?: unknown } };
  };
  const message = body?.error?.message;
  if (statusCode === 400 && typeof message === 'string' && message) {
    return `${what}: ${message}`;
  }
  return undefined;
}
