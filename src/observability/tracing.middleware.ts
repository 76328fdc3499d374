import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { runInSpan, startSpan, tracingEnabled } from './tracing';

/**
 * A server span per HTTP request: method and route path only (no query string, no headers: an
 * Authorization or API key never reaches an attribute). A no-op when tracing is off.
 */
export function tracingMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (!tracingEnabled()) return next();
  const path = req.path;
  const span = startSpan(`${req.method} ${path}`, { 'http.request.method': req.method, 'url.path': path }, SpanKind.SERVER);
  res.once('close', () => {
    span?.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span?.setStatus({ code: SpanStatusCode.ERROR });
    span?.end();
  });
  runInSpan(span, next);
}

/** A span per GraphQL operation: its type and name (never variables), errors as status. */
export function tracingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const span = startSpan('graphql.operation', {});
      if (!span) return {};
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'unknown';
          span.updateName(`graphql ${type}${operationName ? ` ${operationName}` : ''}`);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async didEncounterErrors({ errors }) {
          span.setAttribute('graphql.error.count', errors.length);
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };
}
