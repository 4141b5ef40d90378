import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { databaseUnavailableReason } from '../database/databaseUnavailable';

/**
 * The plugin's last error handler: an error that says the database could not be reached, went
 * away or had no connection free becomes a 503 (the same request may succeed later) instead
 * of a 500 that shows the database's address; every 503 carries `Retry-After`, so that clients
 * such as OTLP exporters wait that long before they send again.
 */
export function serviceUnavailableErrors(
  retryAfterSeconds: number,
): express.ErrorRequestHandler {
  return (
    error: Error,
    _req: express.Request,
    res: express.Response,
    next: express.NextFunction,
  ) => {
    const reason =
      error?.name === ServiceUnavailableError.name
        ? undefined
        : databaseUnavailableReason(error);
    const answer = reason
      ? new ServiceUnavailableError(
          `The agent-mesh database is unavailable (${reason}); try again`,
        )
      : error;
    if (answer?.name === ServiceUnavailableError.name && !res.headersSent) {
      res.setHeader('Retry-After', String(retryAfterSeconds));
    }
    next(answer);
  };
}
