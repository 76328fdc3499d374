/**
 * Jest as `npm run test:mutants` runs it (stryker.config.mjs): the normal config narrowed to the unit
 * tests of the mutated files. Stryker reruns jest once per mutant, so a suite that builds a database or
 * starts a server in beforeAll (seconds per run) would take the run far past ten minutes; these need
 * neither PostgreSQL, Redis, SQLite nor a browser.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/features/sources/sync-policy.test.ts',
    '<rootDir>/test/features/sources/sync-skips.test.ts',
    '<rootDir>/test/features/events/registration-info.test.ts',
    '<rootDir>/test/edge/rate-limit/register-rate-limit.test.ts',
    '<rootDir>/test/edge/rate-limit/retry-after.test.ts',
    '<rootDir>/test/features/embeds/feed-query.test.ts',
  ],
  // Stryker measures its own coverage (perTest); jest's would only slow each run.
  collectCoverageFrom: undefined,
};
