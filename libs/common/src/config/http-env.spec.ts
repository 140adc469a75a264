import { validateEnv } from './env.schema.js';

describe('HTTP settings of the environment', () => {
  it('defaults to no cross-origin access, no trusted proxy and every interface', () => {
    const env = validateEnv({});
    expect(env.CORS_ORIGINS).toEqual([]);
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.HOST).toBeUndefined();
  });

  it.each([
    ['https://front.example', ['https://front.example']],
    [' https://a.example , http://localhost:5173 ', ['https://a.example', 'http://localhost:5173']],
    ['*', ['*']],
  ])('reads CORS_ORIGINS=%j', (value, expected) => {
    expect(validateEnv({ CORS_ORIGINS: value }).CORS_ORIGINS).toEqual(expected);
  });

  it.each([
    'https://front.example/',
    'https://front.example/app',
    'front.example',
    '*, https://a.example',
    'ftp://x.example',
  ])('refuses CORS_ORIGINS=%j', (value) => {
    expect(() => validateEnv({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
  });

  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['fd00::/8,192.168.1.1', ['fd00::/8', '192.168.1.1']],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    expect(validateEnv({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['yes please', '10.0.0.0/33', 'proxy.internal', '-1'])('refuses TRUST_PROXY=%j', (value) => {
    expect(() => validateEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it.each(['127.0.0.1', '::', '0.0.0.0', 'localhost'])('accepts HOST=%j', (value) => {
    expect(validateEnv({ HOST: value }).HOST).toBe(value);
  });

  it('refuses a HOST that is no address', () => {
    expect(() => validateEnv({ HOST: 'http://x' })).toThrow(/HOST/);
  });
});

describe('defaults that depend on NODE_ENV', () => {
  it('turns sample posts, the IDE and introspection off in production unless asked for', () => {
    expect(validateEnv({ NODE_ENV: 'production' })).toMatchObject({
      SEED_SAMPLE_POSTS: false,
      GRAPHQL_IDE: false,
      GRAPHQL_INTROSPECTION: false,
    });
    expect(validateEnv({ NODE_ENV: 'production', GRAPHQL_IDE: 'true', SEED_SAMPLE_POSTS: '1' })).toMatchObject({
      SEED_SAMPLE_POSTS: true,
      GRAPHQL_IDE: true,
      GRAPHQL_INTROSPECTION: false,
    });
  });

  it('keeps them on in development', () => {
    expect(validateEnv({})).toMatchObject({ SEED_SAMPLE_POSTS: true, GRAPHQL_IDE: true, GRAPHQL_INTROSPECTION: true });
    expect(validateEnv({ GRAPHQL_IDE: 'false' }).GRAPHQL_IDE).toBe(false);
  });
});
