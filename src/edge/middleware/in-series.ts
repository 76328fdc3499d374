import { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Express handlers run one after another as one router layer. Express's router spends a layer
 * lookup, a path match and a promise check on every handler of a route (about 6 % of a lookup's CPU
 * for the nine handlers of POST /graphql, issue 15); here each step is a plain call. Semantics are
 * the router's for what these handlers do: `next(error)` (or a throw, or a rejected promise) skips
 * the rest and goes to the error handlers; `next()` after the last goes on to the next layer.
 */
export function inSeries(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      done(error);
    };
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        fail(error);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        done();
        return;
      }
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.then(undefined, (rejected: unknown) => fail(rejected ?? new Error('Rejected promise')));
      } catch (thrown) {
        fail(thrown);
      }
    };
    step();
  };
}
