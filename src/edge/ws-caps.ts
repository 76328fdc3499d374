import { GraphQLError } from 'graphql';
import WebSocket from 'ws';
import type { LiveDeliveryLimits } from '../config';
import { metrics } from '../observability/metrics';
import { LimitCode } from './request-rejection';

/**
 * graphql-ws's own code for "too many" (4429, which its client does not retry): a socket past
 * WS_MAX_SOCKETS_PER_ADDRESS is closed with it as soon as it opens, before it holds anything.
 */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;

/** What the caps need of a socket's graphql-ws context: its operations (subscriptions) by id. */
export interface CountedSocket {
  subscriptions: Record<string, unknown>;
}

/**
 * Caps on what one client address may hold open (per replica: the sockets are this process's file
 * descriptors and memory). Idle sockets and piles of subscriptions from one address must not make the
 * server fail for everyone else.
 */
export class WsCaps {
  private readonly byAddress = new Map<string, Set<WebSocket>>();
  private readonly operations = new WeakMap<WebSocket, CountedSocket>();

  constructor(private readonly limits: Pick<LiveDeliveryLimits, 'maxSocketsPerAddress' | 'maxSubscriptionsPerAddress' | 'maxSubscriptionsPerSocket'>) {}

  /**
   * Counts a socket of `address` as soon as it opens (an idle socket holds a file descriptor too), or
   * closes it with 4429 when the address already has its share.
   */
  admit(address: string, ws: WebSocket): boolean {
    const sockets = this.byAddress.get(address) ?? new Set<WebSocket>();
    if (sockets.size >= this.limits.maxSocketsPerAddress) {
      metrics.wsClosed.inc({ reason: 'too_many_sockets' });
      ws.close(TOO_MANY_SOCKETS_CLOSE_CODE, `Too many sockets from this address (WS_MAX_SOCKETS_PER_ADDRESS=${this.limits.maxSocketsPerAddress})`);
      return false;
    }
    this.byAddress.set(address, sockets.add(ws));
    ws.once('close', () => {
      sockets.delete(ws);
      if (!sockets.size) this.byAddress.delete(address);
    });
    return true;
  }

  /** The socket's graphql-ws context, whose operations count against the caps from now on. */
  attach(ws: WebSocket, socket: CountedSocket): void {
    this.operations.set(ws, socket);
  }

  /** Why a new operation on `ws` (already counted among its subscriptions) may not start, or null. */
  refusal(address: string, ws: WebSocket): GraphQLError | null {
    const count = (socket: WebSocket) => Object.keys(this.operations.get(socket)?.subscriptions ?? {}).length;
    if (count(ws) > this.limits.maxSubscriptionsPerSocket) return tooMany('WS_MAX_SUBSCRIPTIONS_PER_SOCKET', this.limits.maxSubscriptionsPerSocket, 'this socket');
    let onAddress = 0;
    for (const socket of this.byAddress.get(address) ?? [ws]) onAddress += count(socket);
    if (onAddress > this.limits.maxSubscriptionsPerAddress) return tooMany('WS_MAX_SUBSCRIPTIONS_PER_ADDRESS', this.limits.maxSubscriptionsPerAddress, 'this address');
    return null;
  }
}

function tooMany(setting: string, max: number, where: string): GraphQLError {
  return new GraphQLError(`Too many subscriptions on ${where}: at most ${max} run at once (${setting}). Complete one first.`, {
    extensions: { code: LimitCode.MAX_SUBSCRIPTIONS_EXCEEDED, limit: { name: setting, max } },
  });
}
