import { InputError } from '@backstage/errors';
import express from 'express';
import { PayloadTooLargeError } from './errors';

/**
 * Turns express.json() failures into Backstage errors, so that they reach the client in
 * Backstage's error shape: invalid JSON is a 400, a body over the route's limit a 413.
 */
export function bodyParserErrors(): express.ErrorRequestHandler {
  return (
    error: Error & { type?: string; limit?: number },
    _req: express.Request,
    _res: express.Response,
    next: express.NextFunction,
  ) => {
    if (error.type === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `The request body may be at most ${error.limit} bytes`,
        ),
      );
    } else if (error.type === 'entity.parse.failed') {
      next(
        new InputError(`The request body is not valid JSON: ${error.message}`),
      );
    } else {
      next(error);
    }
  };
}
