import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult } from 'graphql';
import type { Context } from '../context';

type Delivery = AsyncIterableIterator<ExecutionResult>;

/**
 * graphql-ws's `subscribe`, executing each pub/sub message once per distinct subscription instead of
 * once per subscriber. A message is one object handed to every subscriber of its topic on this replica
 * (src/pubsub/pubsub.ts), so subscribers with the same document, variables and viewer (public, a
 * partner's staff, admin: what private fields they may see) share one result for it, and one
 * registration costs one execution per distinct subscription, however many widgets show it.
 * Results are kept per message object and go with it.
 */
export function sharedSubscribe(): (args: ExecutionArgs) => Promise<Delivery | ExecutionResult> {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  const resultFor = (args: ExecutionArgs, key: string, message: unknown): Promise<ExecutionResult> => {
    if (typeof message !== 'object' || message === null) return Promise.resolve(execute({ ...args, rootValue: message }));
    let byKey = results.get(message);
    if (!byKey) results.set(message, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) {
      result = Promise.resolve(execute({ ...args, rootValue: message }));
      byKey.set(key, result);
    }
    return result;
  };
  return async (args) => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterator(stream)) return stream as ExecutionResult;
    const key = subscriptionKey(args);
    return mapDeliveries(stream, (message) => resultFor(args, key, message));
  };
}

/** What makes two subscribers' results the same: the document, the operation, the variables and the viewer. */
function subscriptionKey(args: ExecutionArgs): string {
  const { principal } = args.contextValue as Context;
  const viewer = principal.role === 'PUBLIC' ? 'public' : principal.role === 'ADMIN' ? 'admin' : `partner:${principal.partnerId}`;
  return JSON.stringify([viewer, args.document.loc?.source.body ?? null, args.operationName ?? null, args.variableValues ?? null]);
}

function isAsyncIterator(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterator<unknown>).next === 'function';
}

/** The subscriber's own stream (its queue), mapped; ending it (complete, close) ends the queue. */
function mapDeliveries(source: AsyncIterableIterator<unknown>, map: (message: unknown) => Promise<ExecutionResult>): Delivery {
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  const delivery: Delivery = {
    async next() {
      const next = await source.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: await map(next.value) };
    },
    return: done,
    async throw(error: unknown) {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]: () => delivery,
  };
  return delivery;
}
