/**
 * Every test must assert something (jest's setupFilesAfterEnv): a test that runs no `expect` fails
 * with "Expected at least one assertion to be called", so a test can never pass by doing nothing.
 * A test whose backend or input is missing is skipped instead (test/support/needs.ts).
 */
beforeEach(() => {
  expect.hasAssertions();
});
