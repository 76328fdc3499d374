import { RequestHandler } from 'express';
import { RequestCode, reject } from '../request-rejection';

/**
 * Deepest nesting of arrays and objects a request may send. Our deepest input (variables → filter →
 * near → lat) is 4 levels; the margin is for clients' extensions. JSON.parse copes with any depth,
 * but later steps recurse (JSON.stringify in cache keys, variable coercion, logging) and a body of
 * 100,000 nested objects would overflow their stack.
 */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value up to max + 1, walked with an explicit stack (no recursion). */
export function jsonDepthOver(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** GET requests carry variables and extensions as JSON text; Apollo parses them later. */
function parsedQueryParam(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return null; // Apollo answers malformed JSON itself, with its own message.
  }
}

/** Refuses, with 400 BAD_REQUEST, a body (or GET variables/extensions) nested deeper than MAX_JSON_DEPTH. */
export function jsonDepthGuard(max = MAX_JSON_DEPTH): RequestHandler {
  return (req, res, next) => {
    const value = req.method === 'GET'
      ? [parsedQueryParam(req.query.variables), parsedQueryParam(req.query.extensions)]
      : req.body;
    // The GET pair adds one level of its own.
    if (jsonDepthOver(value, req.method === 'GET' ? max + 1 : max)) {
      reject(res, 400, RequestCode.BAD_REQUEST, `The request nests JSON arrays or objects deeper than ${max} levels.`, { limit: { name: 'MAX_JSON_DEPTH', max } });
      return;
    }
    next();
  };
}
