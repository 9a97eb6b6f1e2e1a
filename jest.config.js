/** Jest runs the TypeScript as native ES modules (Nest 12 is ESM-only), compiled by SWC with decorator metadata. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const project = (displayName, testMatch) => ({
  displayName,
  testMatch,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^#libs/([^/]+)$': '<rootDir>/libs/$1/index.ts', '^(\\.{1,2}/.*)\\.js$': '$1' },
});

export default {
  projects: [
    project('unit', ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.spec.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.spec.ts']),
  ],
  globalSetup: '<rootDir>/test/setup/global-setup.cjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.cjs',
  maxWorkers: 4,
  testTimeout: 60_000,
  // Time a worker gets to exit once its files are done (jest's default: 0.5 s). With nothing left open, a worker that
  // ran a share of the e2e files (~1 GB: jest keeps each file's ESM module registry) took up to 1.6 s to tear down on a
  // 2-core machine while the others did the same; Node also first waits for V8's background compilation (undici's
  // llhttp WebAssembly, tiered up by fetch to Meilisearch). A handle left open still shows, after 5 s.
  workerGracefulExitTimeout: 5_000,
};
