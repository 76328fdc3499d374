import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult } from 'graphql';
import type { Context } from '../context';
import { metrics } from '../observability/metrics';
import { LiveSubscriber } from './live-subscriber';

/**
 * graphql-ws's `subscribe`, with one delivery per distinct subscription instead of one per subscriber.
 *
 * Subscribers with the same document, operation, variables and viewer (public, a partner's staff,
 * admin: what private fields they may see) form a group. The group's first subscriber's stream is the
 * group's: each message it yields is executed once and serialised once, and that text is written to
 * every member's socket in one synchronous pass (src/edge/live-subscriber.ts). graphql-ws's own path is a
 * chain of promises per subscriber per frame; at 10,000 subscribers that chain, not the sockets, was
 * the cost (bench/optimizations.md).
 *
 * Every subscriber still starts its own stream (so its arguments are checked as before); a member's
 * stream other than the group's is never read (LiveService listens from a stream's first read) and
 * ends when the member leaves. To graphql-ws, a member's subscription is an iterator whose next()
 * answers only when the subscription ends: completed by the client, the socket closed, or the
 * group's stream ended (then graphql-ws sends `complete`) or failed (graphql-ws sends `error`).
 */
export class LiveFanOut {
  private readonly groups = new Map<string, FanOutGroup>();

  constructor(
    /** The subscriber (socket and operation id) a subscription's context was made for, by the WebSocket edge. */
    private readonly subscriberOf: (context: unknown) => LiveSubscriber | undefined,
    /** How errors in a shared result are shown (the same formatter as HTTP, applied once per result). */
    private readonly formatErrors: (result: ExecutionResult) => unknown,
  ) {}

  /** Subscriptions running on this replica: every group's members (the gauge community_graph_active_subscriptions). */
  members(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.size();
    return n;
  }

  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterator(stream)) return stream as ExecutionResult;
    const subscriber = this.subscriberOf(args.contextValue);
    if (!subscriber) {
      await stream.return?.();
      throw new Error('A live subscription needs its socket: the WebSocket edge makes every subscription context.');
    }
    const key = subscriptionKey(args);
    let group = this.groups.get(key);
    if (!group) {
      group = new FanOutGroup(args, stream, this.formatErrors, () => {
        if (this.groups.get(key) === group) this.groups.delete(key);
      });
      this.groups.set(key, group);
      group.run();
    }
    return group.join(subscriber, stream);
  };
}

/** What makes two subscribers' results the same: the document, the operation, the variables and the viewer. */
export function subscriptionKey(args: ExecutionArgs): string {
  const { principal } = args.contextValue as Context;
  const viewer = principal.role === 'PUBLIC' ? 'public' : principal.role === 'ADMIN' ? 'admin' : `partner:${principal.partnerId}`;
  return JSON.stringify([viewer, args.document.loc?.source.body ?? null, args.operationName ?? null, args.variableValues ?? null]);
}

/** A message about one event replaces that event's older frame while a member waits; any other is kept. */
const messageKey = (message: unknown): unknown => {
  const eventId = (message as { eventId?: unknown } | null)?.eventId;
  return typeof eventId === 'string' ? eventId : {};
};

/** One subscriber in a group: its own (unread) stream, and the answer graphql-ws waits for. */
class Member {
  private outcome: { ok: true } | { ok: false; error: unknown } | null = null;
  private settle: { end: () => void; fail: (error: unknown) => void } | null = null;

  constructor(readonly subscriber: LiveSubscriber, readonly stream: AsyncIterator<unknown>) {
    metrics.activeSubscriptions.inc();
  }

  /** Answers when the subscription ends: done, or the group's failure. */
  wait(): Promise<IteratorResult<ExecutionResult>> {
    return new Promise((resolve, reject) => {
      const end = () => resolve({ done: true, value: undefined });
      if (!this.outcome) this.settle = { end, fail: reject };
      else if (this.outcome.ok) end();
      else reject(this.outcome.error);
    });
  }

  end(error?: unknown): void {
    if (this.outcome) return;
    this.outcome = error === undefined ? { ok: true } : { ok: false, error };
    metrics.activeSubscriptions.dec();
    this.subscriber.forget();
    if (error === undefined) this.settle?.end();
    else this.settle?.fail(error);
  }
}

class FanOutGroup {
  private readonly members = new Map<LiveSubscriber, Member>();
  private ended = false;

  constructor(
    private readonly args: ExecutionArgs,
    private readonly source: AsyncIterator<unknown>,
    private readonly formatErrors: (result: ExecutionResult) => unknown,
    private readonly onEnded: () => void,
  ) {}

  size(): number {
    return this.members.size;
  }

  join(subscriber: LiveSubscriber, stream: AsyncIterator<unknown>): AsyncIterableIterator<ExecutionResult> {
    const member = new Member(subscriber, stream);
    // Joined now, before graphql-ws's first next(), so no message between the two is missed.
    if (this.ended) member.end();
    else this.members.set(subscriber, member);
    let answer: Promise<IteratorResult<ExecutionResult>> | null = null;
    const leave = async (): Promise<IteratorResult<ExecutionResult>> => {
      this.leave(member);
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: () => (answer ??= member.wait()),
      return: leave,
      throw: leave,
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  run(): void {
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done || this.ended) break;
        const result = this.formatErrors(await execute({ ...this.args, rootValue: next.value }));
        metrics.livePayloadsSerialised.inc();
        const json = JSON.stringify(result);
        const key = messageKey(next.value);
        for (const subscriber of [...this.members.keys()]) subscriber.deliver(key, json);
      }
      this.finish();
    } catch (error) {
      this.finish(error ?? new Error('the live stream failed'));
    }
  }

  private leave(member: Member): void {
    if (this.members.get(member.subscriber) !== member) return;
    this.members.delete(member.subscriber);
    member.end();
    this.release(member);
    if (this.members.size) return;
    this.ended = true;
    this.onEnded();
    void this.source.return?.();
  }

  /** The group's stream ended or failed: so does every member's subscription. */
  private finish(error?: unknown): void {
    if (!this.ended) this.onEnded();
    this.ended = true;
    for (const member of this.members.values()) {
      member.end(error);
      this.release(member);
    }
    this.members.clear();
  }

  /** The group's stream is the first member's: it goes on for the others, and ends with the group. */
  private release(member: Member): void {
    if (member.stream !== this.source) void member.stream.return?.();
  }
}

function isAsyncIterator(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterator<unknown>).next === 'function';
}
