import { ErrorRequestHandler } from 'express';
import { Logger } from '../logger';
import { LimitCode, reject, RequestCode } from './request-rejection';

/** Request body encodings decoded before parsing (body-parser's; Node 20 has no zstd). */
export const ACCEPTED_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

interface BodyError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Errors raised before GraphQL runs (malformed JSON or compression, oversized bodies, encodings we
 * do not take) answered in the GraphQL error shape instead of Express's default HTML page, which
 * would include a stack trace. A client's broken request is logged by the access log only: the
 * error level is kept for our own faults.
 */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: BodyError, req, res, _next) => {
    const { type, status } = error;
    if (type === 'entity.parse.failed') {
      reject(res, 400, RequestCode.BAD_REQUEST, 'The request body is not valid JSON.');
      return;
    }
    if (type === 'entity.too.large') {
      reject(res, 413, LimitCode.PAYLOAD_TOO_LARGE, `The request body exceeds the limit of ${error.limit} bytes.`, { limitBytes: error.limit });
      return;
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      reject(res, 415, RequestCode.UNSUPPORTED_MEDIA_TYPE,
        `Unsupported request body encoding: send the body as UTF-8, with no Content-Encoding or one of ${ACCEPTED_ENCODINGS.slice(1).join(', ')}.`);
      return;
    }
    // raw-body types its own errors; an untyped 400 of a compressed body is zlib's (Z_DATA_ERROR, brotli's ERR__ERROR_FORMAT_*, ...).
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (type === undefined && status === 400 && encoding !== 'identity') {
      reject(res, 400, RequestCode.BAD_REQUEST, `The request body is not valid ${encoding} data (Content-Encoding: ${encoding}).`);
      return;
    }
    // Other body-parser refusals (an aborted upload, a body shorter than its Content-Length).
    if (typeof status === 'number' && status >= 400 && status < 500) {
      reject(res, status, RequestCode.BAD_REQUEST, 'The request body could not be read.');
      return;
    }
    logger.error({ err: error }, 'unexpected error while handling an HTTP request');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
