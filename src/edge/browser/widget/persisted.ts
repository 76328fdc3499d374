import { WIDGET_REGISTER } from './operations';

/** SHA-256 of WIDGET_REGISTER, computed at bundle time (esbuild `define`), so the browser hashes nothing. */
declare const __CG_REGISTER_HASH__: string;

const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((res) => res.json());

/**
 * `register` as a persisted operation (Apollo's automatic persisted queries protocol): the hash
 * alone first; the full document only when the server answers that it does not know the hash yet
 * (PERSISTED_QUERY_NOT_FOUND) or does not do persisted queries at all (PERSISTED_QUERY_NOT_SUPPORTED).
 * In SAFELIST_FILE mode the hash is always known: it is in the shipped manifest.
 */
export function persistedPost(url: string, variables: object): Promise<any> {
  return post(url, { operationName: 'WidgetRegister', variables, extensions: { persistedQuery: { version: 1, sha256Hash: __CG_REGISTER_HASH__ } } })
    .then((body) => {
      const code = body && body.errors && body.errors[0] && body.errors[0].extensions && body.errors[0].extensions.code;
      const full = { query: WIDGET_REGISTER, operationName: 'WidgetRegister', variables };
      // NOT_FOUND: send the text with its hash, so the server learns it; NOT_SUPPORTED: the text alone.
      if (code === 'PERSISTED_QUERY_NOT_FOUND') return post(url, { ...full, extensions: { persistedQuery: { version: 1, sha256Hash: __CG_REGISTER_HASH__ } } });
      return code === 'PERSISTED_QUERY_NOT_SUPPORTED' ? post(url, full) : body;
    });
}
