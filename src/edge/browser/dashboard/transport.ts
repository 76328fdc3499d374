/** The dashboard's two ways to the API: one HTTP POST per query, one graphql-ws socket for live counts. */
import { LiveState, LiveSubscription, subscribeLive } from '../live-socket';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** POST a query; the partner key, when given, goes in the Authorization header (never stored). */
export async function post<T>(url: string, query: string, variables: object, key: string | null): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = 'Bearer ' + key;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}

export type Live = LiveSubscription;

/** The dashboard's live counts, with the partner key, over the shared client. */
export function subscribe<T>(url: string, query: string, variables: object, key: string | null,
  onData: (data: T) => void, onState: (state: LiveState, reason?: string) => void): Live {
  return subscribeLive({ url, query, variables, key, onData, onState });
}
