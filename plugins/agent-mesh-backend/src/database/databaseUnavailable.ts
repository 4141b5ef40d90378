/**
 * SQLSTATEs of a PostgreSQL server that is going away or not taking sessions yet: class 08
 * (connection exception) is matched by its prefix.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: shutting down or starting up
  '53300', // too_many_connections
]);

/** Node's errors of a socket that could not connect or was cut. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres says that it lost its connection with these messages, and no code. */
const LOST_CONNECTION_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Why the database could not be used, when `error` says that it could not be reached, went
 * away or had no connection free (so the same request may succeed later), as a short code
 * that is safe to show a client; undefined for any other error. Knex prefixes the failed SQL
 * to a driver's message, so messages are matched at their end.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { code, name, message } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return `SQLSTATE ${code}`;
    }
    if (SOCKET_ERRORS.has(code)) {
      return code;
    }
  }
  if (name === 'KnexTimeoutError') {
    return 'no free database connection';
  }
  if (
    typeof message === 'string' &&
    LOST_CONNECTION_MESSAGES.some(m => message.endsWith(m))
  ) {
    return 'database connection lost';
  }
  return undefined;
}
