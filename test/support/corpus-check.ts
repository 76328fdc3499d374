import { corpusAvailable, CORPUS_DIR } from './corpus';

/**
 * Corpus suites call this first: in CI (CI=true) a missing corpus fails loudly, naming the variable;
 * elsewhere it logs a notice and the corpus assertions are not run.
 */
export function requireCorpus(): boolean {
  if (corpusAvailable()) return true;
  const message = `The partner-data corpus is absent at ${CORPUS_DIR}: set COMMUNITY_GRAPH_CORPUS to the shared fixtures folder.`;
  if (process.env.CI === 'true') throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`NOTICE: ${message}`);
  return false;
}
