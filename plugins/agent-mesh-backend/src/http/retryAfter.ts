import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';

/**
 * Adds `Retry-After` to 503 answers (`ServiceUnavailableError`), which say that the same request
 * may succeed later, so that clients such as OTLP exporters wait that long before they resend.
 */
export function retryAfterWhenUnavailable(
  seconds: number,
): express.ErrorRequestHandler {
  return (
    error: Error,
    _req: express.Request,
    res: express.Response,
    next: express.NextFunction,
  ) => {
    if (error?.name === ServiceUnavailableError.name && !res.headersSent) {
      res.setHeader('Retry-After', String(seconds));
    }
    next(error);
  };
}
