import { GraphQLError } from 'graphql';
import { Context, ContextDeps, createContext } from '../context';
import { DomainError, ErrorCode } from '../domain/errors';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
};

/** createContext for the HTTP edge: a failure before execution becomes a typed GraphQL error with its status. */
export async function httpContext(
  deps: ContextDeps, headers: { authorization?: string; 'x-request-id'?: string | string[] }, clientIp?: string, origin?: string,
): Promise<Context> {
  try {
    const requestId = typeof headers['x-request-id'] === 'string' ? headers['x-request-id'].slice(0, 100) : null;
    return await createContext(deps, { authorization: headers.authorization, requestId, clientIp, origin });
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: HTTP_STATUS[error.code] ?? 400 } },
      });
    }
    throw error;
  }
}
