import { AsyncResource } from 'node:async_hooks';
import { RequestHandler } from 'express';

/** `application/json`, alone or with a UTF-8 charset: what every GraphQL client sends. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset=("?)utf-8\2\s*)?$/i;

/** An error as body-parser raises it, so requestErrorHandler answers it the same way. */
const bodyError = (message: string, type: string): Error => Object.assign(new Error(message), { status: 400, type });

/**
 * The usual POST /graphql body, read and parsed in one step: `Content-Type: application/json`
 * (UTF-8), no Content-Encoding, and a Content-Length within `limit`. body-parser spends a type check,
 * a charset lookup, a decoder and several listeners on each such request (issue 15). Anything else
 * (compressed, another charset, chunked, empty, too large) goes on untouched to express.json, which
 * stays the reference for every case; after this one it sees the request finished and passes it on.
 * Like body-parser in strict mode, only an object or an array is JSON here.
 */
export function jsonBodyFastPath(limit: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.headers['content-length']);
    const encoding = req.headers['content-encoding'];
    if (req.method !== 'POST' || (encoding && encoding.toLowerCase() !== 'identity') || !PLAIN_JSON.test(req.headers['content-type'] ?? '')
      || !Number.isInteger(declared) || declared <= 0 || declared > limit) {
      next();
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    // The stream's events run in the socket's async context; the rest of the request (its trace
    // span, loader batches) must go on in the request's own, as body-parser's raw-body also ensures.
    // A resource per request, not AsyncResource.bind: Node 20's bind also builds a deprecation
    // wrapper each call, about 1 % of a lookup's CPU.
    const scope = new AsyncResource('JsonBody');
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      scope.runInAsyncScope(next, null, error);
    };
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    // Plain listeners, not once(): finish() answers only the first call anyway, and once() wraps each.
    req.on('error', (error) => finish(Object.assign(error, { status: 400 })));
    req.on('aborted', () => finish(bodyError('request aborted', 'request.aborted')));
    req.on('end', () => {
      if (received !== declared) {
        finish(bodyError('request size did not match content length', 'request.size.invalid'));
        return;
      }
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8');
      try {
        if (!opensObjectOrArray(text)) throw new SyntaxError('not a JSON object or array');
        req.body = JSON.parse(text);
      } catch {
        finish(bodyError('invalid JSON', 'entity.parse.failed'));
        return;
      }
      finish();
    });
  };
}

/** Whether the first character after JSON's whitespace opens an object or an array (no copy of the text). */
function opensObjectOrArray(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}
