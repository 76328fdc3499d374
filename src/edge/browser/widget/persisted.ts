import { WIDGET_POSTED, type PostedOperation } from './operations';

/** SHA-256 of each WIDGET_POSTED document, computed at bundle time (esbuild `define`), so the browser hashes nothing. */
declare const __CG_HASHES__: Record<PostedOperation, string>;

// A 5xx is a proxy's or a crashed server's page, not a GraphQL answer: it fails like a dropped connection.
const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then((res) => (res.status >= 500 ? Promise.reject(new Error('HTTP ' + res.status)) : res.json()));

/**
 * One of the widget's operations as a persisted operation (Apollo's automatic persisted queries
 * protocol): the hash alone first; the full document only when the server answers that it does not
 * know the hash yet (PERSISTED_QUERY_NOT_FOUND) or does not do persisted queries at all
 * (PERSISTED_QUERY_NOT_SUPPORTED). In SAFELIST_FILE mode the hash is always known: it is in the shipped manifest.
 */
export function persistedPost(url: string, operationName: PostedOperation, variables: object): Promise<any> {
  const extensions = { persistedQuery: { version: 1, sha256Hash: __CG_HASHES__[operationName] } };
  return post(url, { operationName, variables, extensions })
    .then((body) => {
      const code = errorOf(body).code;
      const full = { query: WIDGET_POSTED[operationName], operationName, variables };
      // NOT_FOUND: send the text with its hash, so the server learns it; NOT_SUPPORTED: the text alone.
      if (code === 'PERSISTED_QUERY_NOT_FOUND') return post(url, { ...full, extensions });
      return code === 'PERSISTED_QUERY_NOT_SUPPORTED' ? post(url, full) : body;
    });
}

/** The first GraphQL error of a response body, or an empty object. */
export function errorOf(body: any): { code?: string; message?: string } {
  const error = body && body.errors && body.errors[0];
  return error ? { code: error.extensions && error.extensions.code, message: error.message } : {};
}
