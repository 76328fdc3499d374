/**
 * `npm run test:mutants` (docs/operations.md, "Mutation testing"): StrykerJS changes the code below one
 * small edit at a time and expects some test to fail for each. Kept out of `npm test` because it is slow.
 * Only small, central files with fast unit tests are mutated (sync schedule and skip summary, seats and
 * registration state, rate limits, the feed query), each against those tests (jest.stryker.config.js).
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  mutate: [
    'src/features/sources/schedule-policy.ts',
    'src/model/sync-skips.ts',
    'src/features/events/registration-info.ts',
    'src/edge/rate-limit/rate-limit.ts',
    'src/edge/rate-limit/register-rate-limit.plugin.ts',
    'src/features/embeds/feed-query.ts',
  ],
  // Each mutant reruns only the tests that reached it, not all five files.
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants would rerun every test each; they are counted as ignored instead.
  ignoreStatic: true,
  // Each run pays jest's start-up, which Stryker's per-test timing does not see, and the cores are
  // shared: with less headroom a slow but finished run would count as a timeout.
  timeoutMS: 10000,
  // The machine has two cores and other work on them.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // A few points under the first measured score, 78.6 (docs/operations.md): weaker tests fail the run.
  thresholds: { high: 80, low: 60, break: 75 },
};
