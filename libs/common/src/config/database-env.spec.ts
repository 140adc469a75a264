import { validateEnv } from './env.schema.js';

describe('database settings of the environment', () => {
  it('has no replica unless DATABASE_REPLICA_URL is set', () => {
    expect(validateEnv({}).DATABASE_REPLICA_URL).toBeUndefined();
    const url = 'postgresql://reader@replica.internal:5432/pressroom';
    expect(validateEnv({ DATABASE_REPLICA_URL: url }).DATABASE_REPLICA_URL).toBe(url);
  });

  it.each(['mysql://replica/pressroom', 'replica.internal:5432'])('refuses DATABASE_REPLICA_URL=%j', (value) => {
    expect(() => validateEnv({ DATABASE_REPLICA_URL: value })).toThrow(/DATABASE_REPLICA_URL/);
  });

  it('takes a DATABASE_POOL_SIZE from 1 to 200, and no more', () => {
    expect(validateEnv({ DATABASE_POOL_SIZE: '1' }).DATABASE_POOL_SIZE).toBe(1);
    expect(validateEnv({ DATABASE_POOL_SIZE: '200' }).DATABASE_POOL_SIZE).toBe(200);
    expect(() => validateEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => validateEnv({ DATABASE_POOL_SIZE: '201' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
