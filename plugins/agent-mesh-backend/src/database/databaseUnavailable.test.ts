import { ConflictError } from '@backstage/errors';
import { KnexTimeoutError } from 'knex';
import { databaseUnavailableReason } from './databaseUnavailable';

const withCode = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe('databaseUnavailableReason', () => {
  it('names a server that is restarting, unreachable or out of connections', () => {
    expect(
      [
        withCode(
          'BEGIN; - terminating connection due to administrator command',
          '57P01',
        ),
        withCode('the database system is starting up', '57P03'),
        withCode('sorry, too many clients already', '53300'),
        withCode('connection failure', '08006'),
        withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
        new Error('ROLLBACK - Connection terminated unexpectedly'),
        new Error(
          'insert into "agent_mesh_actions" ... - Client has encountered a connection error and is not queryable',
        ),
        new KnexTimeoutError(
          'Knex: Timeout acquiring a connection. The pool is probably full.',
        ),
      ].map(databaseUnavailableReason),
    ).toEqual([
      'SQLSTATE 57P01',
      'SQLSTATE 57P03',
      'SQLSTATE 53300',
      'SQLSTATE 08006',
      'ECONNREFUSED',
      'database connection lost',
      'database connection lost',
      'no free database connection',
    ]);
  });

  it('leaves every other error alone, so that a bug is not turned into "retry"', () => {
    expect(
      [
        withCode('duplicate key value violates unique constraint', '23505'),
        withCode('syntax error at or near "selec"', '42601'),
        withCode('canceling statement due to lock timeout', '55P03'),
        new ConflictError('Action id is already stored'),
        new TypeError("Cannot read properties of undefined (reading 'seq')"),
        new Error('Connection terminated unexpectedly, said the test'),
        'Connection terminated unexpectedly',
        undefined,
      ].map(databaseUnavailableReason),
    ).toEqual(Array(8).fill(undefined));
  });
});
