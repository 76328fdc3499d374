import fs from 'node:fs';
import path from 'node:path';

/** The shared real-partner-data corpus: COMMUNITY_GRAPH_CORPUS, else ../shared/fixtures beside the checkout. */
export const CORPUS_DIR = process.env.COMMUNITY_GRAPH_CORPUS || path.resolve(__dirname, '../../../shared/fixtures');

export const corpusAvailable = (): boolean => fs.existsSync(CORPUS_DIR);

export function corpusFile(...parts: string[]): string {
  return path.join(CORPUS_DIR, ...parts);
}
