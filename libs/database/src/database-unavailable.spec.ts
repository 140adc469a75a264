import { ServiceUnavailableError } from '@pressroom/common';
import { toServiceUnavailable } from './database-unavailable.js';
import { isConnectionError } from './pg-errors.js';

/** What pg throws: an Error with PostgreSQL's SQLSTATE, or Node's errno, as `code`. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('toServiceUnavailable', () => {
  it.each([
    ['an administrator ending the connection', pgError('terminating connection', '57P01')],
    ['a statement timeout', pgError('canceling statement due to statement timeout', '57014')],
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an exhausted pool', pgError('timeout exceeded when trying to connect')],
    [
      'a database closed to new connections',
      pgError('database "pressroom" is not currently accepting connections', '55000'),
    ],
  ])('maps %s to SERVICE_UNAVAILABLE, keeping the cause for retries', (_name, error) => {
    const mapped = toServiceUnavailable(error, 'test');
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    expect((mapped as ServiceUnavailableError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((mapped as Error).cause).toBe(error);
    expect(isConnectionError(mapped)).toBe(true);
    expect(JSON.stringify(mapped)).not.toMatch(/5432|terminat|timeout/);
  });

  it.each([
    ['a unique violation', pgError('duplicate key value', '23505')],
    ['a syntax error', pgError('syntax error at or near', '42601')],
    ['another condition of the same SQLSTATE', pgError('currval of sequence "s" is not yet defined', '55000')],
    ['a bug', new TypeError('x is undefined')],
  ])('returns %s as it is', (_name, error) => {
    expect(toServiceUnavailable(error, 'test')).toBe(error);
  });

  it('leaves an error already mapped alone', () => {
    const mapped = toServiceUnavailable(pgError('gone', '57P01'), 'test');
    expect(toServiceUnavailable(mapped, 'again')).toBe(mapped);
  });
});
