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
  // A guard against a hung test, not a latency bound: on a 2-core machine busy with other work a suite
  // runs several times slower (a 16,000-occurrence sync, a browser start), and must still pass. The waits
  // inside tests are for conditions (test/support/until.ts, ws.ts), each bounded below this.
  testTimeout: 120_000,
};
