import { CustomErrorBase } from '@backstage/errors';

/** 413: the request is larger than `POST /actions` accepts. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}
