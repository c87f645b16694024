/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  // ES-module-only packages (kdbush; swagger-parser's ref parser): transform like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(kdbush|@apidevtools/json-schema-ref-parser)/)'],
};

// The console's components: TSX with React's automatic runtime, in a browser-like DOM (jsdom).
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // Two test files at once even on a 2-core machine (Jest's default there is one): most of an
  // integration test's time is spent waiting on PostgreSQL, Redis and child processes, and each
  // worker has its own database and Redis key prefix (test/setup/worker-env.ts).
  maxWorkers: 2,
  // How long a worker may take to exit once its tests are done before Jest kills it and warns "a
  // worker process has failed to exit gracefully" (default 500 ms). Measured on an integration run:
  // a worker reached its exit 1-6 ms after being told to end, with no handle open but its pipes,
  // yet Jest saw the process gone only 477-643 ms after telling it: the process's own teardown,
  // not a leak. A worker kept alive by a leaked handle never exits, and is still killed, and warned
  // of, after this.
  workerGracefulExitTimeout: 3_000,
  projects: [
    {
      displayName: 'console',
      testEnvironment: '<rootDir>/console/test/environment.js',
      testMatch: ['<rootDir>/console/**/*.spec.{ts,tsx}'],
      transform: { '^.+\\.(t|j)sx?$': swcTsx, '\\.css$': '<rootDir>/console/test/style-stub.js' },
      transformIgnorePatterns: ['/node_modules/(?!(openapi-fetch)/)'],
    },
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{config,src,workers,scripts,bench,loadtest}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/worker-env.ts'],
    },
  ],
};
