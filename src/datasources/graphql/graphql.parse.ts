import { AdapterError } from '../adapter';

/** One GraphQL error as the spec shapes it (https://spec.graphql.org/October2021/#sec-Errors). */
export interface RemoteGraphqlError {
  message: string;
  path: (string | number)[] | null;
  code: string | null;
}

export interface GraphqlResponse {
  /** null when the remote executed nothing (request or validation errors) or nulled the whole result. */
  data: Record<string, unknown> | null;
  errors: RemoteGraphqlError[];
}

const describe = (errors: RemoteGraphqlError[]): string =>
  errors.slice(0, 3).map((e) => `${e.message}${e.path ? ` (at ${e.path.join('.')})` : ''}${e.code ? ` [${e.code}]` : ''}`)
    .join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : '');

/**
 * Reads a GraphQL-over-HTTP response (application/json or application/graphql-response+json). Pure.
 * Servers answer request and validation errors with 4xx and a GraphQL body, so the body is read
 * whatever the status; a body that is not a GraphQL response fails with the status and a snippet.
 * https://graphql.github.io/graphql-over-http/draft/#sec-Response
 */
export function parseGraphqlResponse(url: string, status: number, body: Buffer): GraphqlResponse {
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Never quote the body: whatever answered instead of a GraphQL endpoint is not ours to repeat.
    throw new AdapterError(`${url} did not answer with a GraphQL response (HTTP ${status}): the body is not JSON.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (!('data' in json) && !('errors' in json))) {
    throw new AdapterError(`${url} answered JSON without "data" or "errors" (HTTP ${status}): not a GraphQL endpoint?`);
  }
  const record = json as { data?: unknown; errors?: unknown };
  const errors = Array.isArray(record.errors) ? record.errors.map(readError) : [];
  const data = typeof record.data === 'object' && record.data !== null && !Array.isArray(record.data)
    ? (record.data as Record<string, unknown>) : null;
  if (!data) {
    throw new AdapterError(errors.length
      ? `${url} answered with GraphQL errors and no data: ${describe(errors)}`
      : `${url} answered HTTP ${status} with neither data nor errors`);
  }
  if (status >= 400) {
    throw new AdapterError(`${url} answered HTTP ${status}${errors.length ? `: ${describe(errors)}` : ''}`);
  }
  return { data, errors };
}

function readError(raw: unknown): RemoteGraphqlError {
  const error = (typeof raw === 'object' && raw !== null ? raw : {}) as { message?: unknown; path?: unknown; extensions?: { code?: unknown } };
  return {
    message: typeof error.message === 'string' ? error.message : JSON.stringify(raw),
    path: Array.isArray(error.path) && error.path.every((p) => typeof p === 'string' || typeof p === 'number')
      ? (error.path as (string | number)[]) : null,
    code: typeof error.extensions?.code === 'string' ? error.extensions.code : null,
  };
}

export { describe as describeGraphqlErrors };
