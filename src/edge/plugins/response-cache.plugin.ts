import { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { ResponseCacheConfig } from '../../config';
import { Context } from '../../context';
import { DataChanges } from '../../pubsub/data-changes';
import { metrics } from '../../observability/metrics';

export interface ResponseCacheOptions extends ResponseCacheConfig {
  /** Every committed write that a public answer can show arrives here (src/pubsub/data-changes.ts). */
  changes: DataChanges;
}

type Data = Record<string, unknown>;

interface CachedAnswer {
  data: Data;
  bytes: number;
}

/**
 * Answers to anonymous queries, keyed by what decides them for the PUBLIC role: the document (its
 * hash, so a persisted query and its full text share an entry), the operation and the variables.
 * Nothing else in a request changes a public answer (no locale, no per-user field; the client address
 * only feeds rate limits, which run before). Emptied on every data change, on every replica.
 */
export class AnswerCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  /**
   * Bumped by every change. An answer is stored only if no change happened while it was computed,
   * so a query that read the old rows and finishes after the change cannot put them back.
   */
  generation = 0;

  constructor(config: ResponseCacheConfig) {
    this.answers = new LRUCache({ max: config.maxEntries, maxSize: config.maxBytes, sizeCalculation: (a) => a.bytes, ttl: config.ttlMs });
  }

  get(key: string): CachedAnswer | undefined {
    return this.answers.get(key);
  }

  store(key: string, data: Data, computedIn: number): void {
    if (computedIn !== this.generation) return;
    // UTF-16 length: close enough to the JSON bytes for a memory bound, without a Buffer per answer.
    this.answers.set(key, { data, bytes: JSON.stringify(data).length });
  }

  invalidate(): void {
    this.generation++;
    this.answers.clear();
  }
}

/** JSON with object keys sorted at every level: {a, b} and {b, a} are the same variables. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A complete, error-free answer with nothing attached for this request only (partner-outage notes). */
function storable({ response, contextValue }: GraphQLRequestContextWillSendResponse<Context>): Data | null {
  if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return null;
  const { data, errors } = response.body.singleResult;
  if (errors?.length || contextValue.partialErrors.length || !data) return null;
  return data;
}

/**
 * Server-side response cache for queries without an API key. A key holder's request never reads it
 * and never fills it (keys see private fields); mutations, subscriptions, answers with errors and
 * incremental (@defer) answers are never cached. HTTP caching stays off (`Cache-Control: no-store`,
 * no-store.plugin.ts): seat counts must not linger in browsers or proxies, where nothing can clear them.
 * `x-cache: HIT | MISS` says which it was (cacheable requests only).
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<Context> {
  const cache = new AnswerCache(options);
  return {
    async serverWillStart() {
      const stopListening = options.changes.listen(() => {
        cache.invalidate();
        metrics.responseCache.inc({ result: 'invalidated' });
      });
      return {
        async serverWillStop() {
          stopListening();
        },
      };
    },
    async requestDidStart({ contextValue }) {
      if (contextValue.principal.role !== 'PUBLIC') return;
      let key: string | null = null;
      let generation = 0;
      let hit = false;
      return {
        async responseForOperation({ operation, operationName, queryHash, request }) {
          if (operation.operation !== 'query') return null;
          key = `${queryHash}\n${operationName ?? ''}\n${canonicalJson(request.variables ?? {})}`;
          generation = cache.generation;
          const cached = cache.get(key);
          if (!cached) return null;
          hit = true;
          metrics.responseCache.inc({ result: 'hit' });
          return { http: { status: undefined, headers: new HeaderMap([['x-cache', 'HIT']]) }, body: { kind: 'single', singleResult: { data: cached.data } } };
        },
        async willSendResponse(requestContext) {
          if (key === null || hit) return;
          requestContext.response.http.headers.set('x-cache', 'MISS');
          metrics.responseCache.inc({ result: 'miss' });
          const data = storable(requestContext);
          if (data) cache.store(key, data, generation);
        },
      };
    },
  };
}
