import { ErrorRequestHandler } from 'express';
import { Logger } from '../logger';

/**
 * Errors raised before GraphQL runs (malformed JSON, oversized bodies) answered in the GraphQL
 * error shape instead of Express's default HTML page, which would include a stack trace.
 */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (type === 'entity.too.large') {
      const limit = (error as { limit?: number }).limit;
      res.status(413).json({
        errors: [{ message: `The request body exceeds the limit of ${limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: limit } }],
      });
      return;
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      res.status(415).json({ errors: [{ message: 'Unsupported request body encoding.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ err: error }, 'unexpected error while handling an HTTP request');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
