/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  // Every test must assert something; see the file.
  setupFilesAfterEnv: ['<rootDir>/test/support/has-assertions.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  maxWorkers: 2,
  // `npm run test:coverage`: every source file counts, run or not (the CLI runs in child processes, the
  // widget and dashboard in Chromium, so those show as uncovered here rather than vanishing).
  collectCoverageFrom: ['src/**/*.ts', 'demo/**/*.ts', '!src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  testTimeout: 30000,
};
