// Preloaded with `node --require` (NODE_OPTIONS) by test/e2e/cli.test.ts: on exit, prints to stderr
// every module file the process loaded, so a test can tell what a command pulled in without timing it.
process.on('exit', () => {
  process.stderr.write(`loaded modules: ${JSON.stringify(Object.keys(require.cache))}\n`);
});
