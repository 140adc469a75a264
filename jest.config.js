// Two projects: `unit` (pure code, *.spec.ts beside it) and `e2e` (test/**/*.e2e-spec.ts against a
// real PostgreSQL, one database per test file). Both run TypeScript as ESM through ts-jest.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^@pressroom/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@pressroom/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/middie (loaded by Nest's Fastify adapter) requires path-to-regexp 9, which is ESM
    // only: Node 20 loads it, Jest's module runtime cannot. 8 (CommonJS, Nest's own) has the
    // same parse() and pathToRegexp(), and no middleware of ours goes through middie.
    '^path-to-regexp$': '<rootDir>/node_modules/path-to-regexp/dist/index.js',
  },
  testEnvironment: 'node',
};

export default {
  // Global, not per project: jest reads testTimeout only here.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
