import { randomUUID } from 'node:crypto';
import { RequestHandler } from 'express';
import { Logger } from '../../logger';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives every request an id (the client's X-Request-Id when well-formed, else a UUID), echoes it, and
 * logs one structured line when the response ends. Only the path is logged: query strings of GET
 * requests carry variables, which may hold emails.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      logger[level]({ requestId, method: req.method, path: req.originalUrl.split('?')[0].slice(0, 200), status: res.statusCode, durationMs }, 'http request');
    });
    next();
  };
}
