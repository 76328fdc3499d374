import { RequestHandler } from 'express';
import { sha256Hex } from '../persisted-queries';
import { RequestCode, reject } from '../request-rejection';

function extensionsOf(req: Parameters<RequestHandler>[0]): unknown {
  if (req.method !== 'GET') return (req.body as { extensions?: unknown } | undefined)?.extensions;
  const raw = req.query.extensions;
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined; // Apollo answers malformed JSON itself.
  }
}

/**
 * Automatic persisted query requests Apollo refuses without an error code (it would be reported as
 * INTERNAL_SERVER_ERROR): a protocol version other than 1, a hash that is not a string, or a query
 * whose SHA-256 is not the hash sent with it (which would let a client file any text under a known
 * hash). Refused here with 400 and a code; the well-formed rest is Apollo's.
 */
export const persistedQueryCheck: RequestHandler = (req, res, next) => {
  const persisted = (extensionsOf(req) as { persistedQuery?: unknown } | undefined)?.persistedQuery;
  if (persisted === undefined || persisted === null) return next();
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) {
    const shown = typeof version === 'number' || typeof version === 'string' ? JSON.stringify(version).slice(0, 20) : typeof version;
    reject(res, 400, RequestCode.PERSISTED_QUERY_VERSION_NOT_SUPPORTED, `Persisted query version ${shown} is not supported; send version 1.`);
    return;
  }
  if (typeof sha256Hash !== 'string') {
    reject(res, 400, RequestCode.BAD_REQUEST, 'extensions.persistedQuery.sha256Hash must be the SHA-256 hex digest of the query.');
    return;
  }
  const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown }).query;
  if (typeof query === 'string' && sha256Hex(query) !== sha256Hash) {
    reject(res, 400, RequestCode.PERSISTED_QUERY_HASH_MISMATCH, 'extensions.persistedQuery.sha256Hash is not the SHA-256 hex digest of the query sent with it.');
    return;
  }
  next();
};
