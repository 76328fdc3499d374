import os from 'node:os';
import path from 'node:path';
import { createUrlPolicy, UrlPolicy } from '../../src/datasources/shared/url-policy';
import { CORPUS_DIR } from './corpus';

/** Where test feeds live on disk: temp files, the repository's fixtures and demo, the shared corpus. */
export const TEST_FILE_ROOTS = [os.tmpdir(), path.resolve(__dirname, '../..'), CORPUS_DIR];

/**
 * The policy tests run partner pulls under: the real rules, with this machine's loopback feed servers
 * allowed (as an operator would with SOURCE_ALLOW_HOSTS=127.0.0.1) and the test file roots.
 */
export function loopbackUrlPolicy(extra: { fileRoots?: string[] } = {}): UrlPolicy {
  return createUrlPolicy({ allowHosts: ['127.0.0.1', '::1', 'localhost'], fileRoots: extra.fileRoots ?? TEST_FILE_ROOTS, maxRedirects: 5 });
}
