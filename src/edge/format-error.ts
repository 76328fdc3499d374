import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../domain/errors';
import { Logger } from '../logger';
import { QueryLimitError } from './plugins/query-limits.plugin';
import { LimitCode, RequestCode } from './request-rejection';
import { withoutSuggestion } from './validation-rules';

/** Codes of deliberate errors (graphql-js and Apollo request errors, and our own): shown as they are. */
const SAFE_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode), ...Object.values(LimitCode), ...Object.values(RequestCode),
]);

/** Apollo's own request errors that carry an HTTP 4xx status but no code (the client's mistake). */
function uncodedClientError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The one place errors leave the server: domain errors keep their code and message, request errors
 * pass through, and anything else is masked so no SQL, stack or internal detail reaches a client.
 */
export function createErrorFormatter(logger: Logger, options: { hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    // Apollo files limit violations under GRAPHQL_VALIDATION_FAILED; they keep their own code.
    const limit = original instanceof QueryLimitError ? original : original instanceof GraphQLError ? original.originalError : null;
    if (limit instanceof QueryLimitError) {
      return { message: limit.message, locations: formatted.locations, extensions: { ...limit.extensions, code: limit.code } };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && SAFE_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: options.hideSuggestions ? withoutSuggestion(formatted.message) : formatted.message, extensions };
    }
    if (uncodedClientError(original)) {
      logger.warn({ message: original.message }, 'a request error without a code, answered BAD_REQUEST');
      return { message: original.message, locations: formatted.locations, extensions: { code: RequestCode.BAD_REQUEST } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while executing an operation');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
