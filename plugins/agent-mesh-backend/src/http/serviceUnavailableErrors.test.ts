import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { serviceUnavailableErrors } from './serviceUnavailableErrors';

function app(error: Error) {
  const router = express();
  router.get('/fail', () => {
    throw error;
  });
  router.use(serviceUnavailableErrors(1));
  router.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return router;
}

describe('serviceUnavailableErrors', () => {
  it('answers a database that refuses connections with a 503 that does not show its address', async () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 10.1.2.3:5432'),
      { code: 'ECONNREFUSED' },
    );
    const res = await request(app(refused)).get('/fail');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.message).toBe(
      'The agent-mesh database is unavailable (ECONNREFUSED); try again',
    );
  });

  it('keeps the message of a 503 the route gave, adding Retry-After', async () => {
    const res = await request(
      app(new ServiceUnavailableError('lock timeout: send again')),
    ).get('/fail');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.message).toBe('lock timeout: send again');
  });

  it('leaves other errors alone', async () => {
    const res = await request(app(new TypeError('a bug'))).get('/fail');
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });
});
