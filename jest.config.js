// One jest run, three projects: `unit` (*.spec.ts, no outside services), `integration`
// (*.int-spec.ts, real MariaDB, Redis and a local S3 server) and `e2e` (*.e2e-spec.ts: every app
// as its own process, spoken to over HTTP).
const { pathsToModuleNameMapper } = require('./scripts/jest-paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // jose 6 ships ESM only: let swc turn it into CommonJS for jest (Node's require(esm) does it at runtime).
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // onnxruntime-node returns tensors built on the host realm's typed arrays; make every spec's
  // realm use the same constructors (see the file).
  setupFiles: ['<rootDir>/libs/ml/src/testing/host-typed-arrays.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/platform/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/platform/src/testing/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/platform/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/platform/src/testing/global-teardown.ts',
      testTimeout: 300000,
    },
  ],
};
