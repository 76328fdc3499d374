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

/** Operations held open by an address's sockets, and by one socket of it. */
interface OnAddress {
  sockets: Set<WebSocket>;
  subscriptions: number;
}
interface OnSocket {
  address: OnAddress;
  subscriptions: number;
}

/**
 * Caps on what one client address may hold open (per replica: the sockets are this process's file
 * descriptors and memory). Idle sockets and piles of subscriptions from one address must not make the
 * server fail for everyone else.
 *
 * The counts are kept as running totals, O(1) per subscribe: walking every socket of the address was
 * quadratic for 10,000 sockets from one address. They follow graphql-ws's own record of a socket's
 * operations (`ctx.subscriptions`), wrapped at attach() so each id added or deleted moves them: an id is
 * added before onSubscribe and deleted when the operation completes, errors, is refused or completed by
 * the client, whichever way graphql-ws takes; a closed socket gives its total back to its address at once.
 */
export class WsCaps {
  private readonly byAddress = new Map<string, OnAddress>();
  private readonly bySocket = new WeakMap<WebSocket, OnSocket>();

  constructor(private readonly limits: Pick<LiveDeliveryLimits, 'maxSocketsPerAddress' | 'maxSubscriptionsPerAddress' | 'maxSubscriptionsPerSocket'>) {}

  /**
   * Counts a socket of `address` as soon as it opens (an idle socket holds a file descriptor too), or
   * closes it with 4429 when the address already has its share.
   */
  admit(address: string, ws: WebSocket): boolean {
    const onAddress = this.byAddress.get(address) ?? { sockets: new Set<WebSocket>(), subscriptions: 0 };
    if (onAddress.sockets.size >= this.limits.maxSocketsPerAddress) {
      metrics.wsClosed.inc({ reason: 'too_many_sockets' });
      ws.close(TOO_MANY_SOCKETS_CLOSE_CODE, `Too many sockets from this address (WS_MAX_SOCKETS_PER_ADDRESS=${this.limits.maxSocketsPerAddress})`);
      return false;
    }
    const onSocket: OnSocket = { address: onAddress, subscriptions: 0 };
    this.bySocket.set(ws, onSocket);
    this.byAddress.set(address, onAddress);
    onAddress.sockets.add(ws);
    ws.once('close', () => {
      // graphql-ws empties the socket's record as it closes (a fresh object, which no longer counts):
      // the ids its pending operations still delete later are no longer the address's.
      this.bySocket.delete(ws);
      onAddress.subscriptions -= onSocket.subscriptions;
      onAddress.sockets.delete(ws);
      if (!onAddress.sockets.size) this.byAddress.delete(address);
    });
    return true;
  }

  /** The socket's graphql-ws context, whose operations count against the caps from now on. */
  attach(ws: WebSocket, socket: CountedSocket): void {
    const onSocket = this.bySocket.get(ws);
    if (!onSocket) return; // closed (or refused) before its connection_init: it runs nothing
    const move = (by: number) => {
      if (this.bySocket.get(ws) !== onSocket) return; // closed: its total went back to the address
      onSocket.subscriptions += by;
      onSocket.address.subscriptions += by;
    };
    // graphql-ws only sets, tests (`in`), reads and deletes ids: the record behaves as before.
    socket.subscriptions = new Proxy(Object.assign(Object.create(null) as Record<string, unknown>, socket.subscriptions), {
      set: (record, id, value) => {
        if (!(id in record)) move(1);
        return Reflect.set(record, id, value);
      },
      deleteProperty: (record, id) => {
        if (id in record) move(-1);
        return Reflect.deleteProperty(record, id);
      },
    });
    move(Object.keys(socket.subscriptions).length);
  }

  /** Why a new operation on `ws` (already counted among its subscriptions) may not start, or null. */
  refusal(address: string, ws: WebSocket): GraphQLError | null {
    const onSocket = this.bySocket.get(ws)?.subscriptions ?? 0;
    if (onSocket > this.limits.maxSubscriptionsPerSocket) return tooMany('WS_MAX_SUBSCRIPTIONS_PER_SOCKET', this.limits.maxSubscriptionsPerSocket, 'this socket');
    const onAddress = this.byAddress.get(address)?.subscriptions ?? onSocket;
    if (onAddress > this.limits.maxSubscriptionsPerAddress) return tooMany('WS_MAX_SUBSCRIPTIONS_PER_ADDRESS', this.limits.maxSubscriptionsPerAddress, 'this address');
    return null;
  }
}

function tooMany(setting: string, max: number, where: string): GraphQLError {
  return new GraphQLError(`Too many subscriptions on ${where}: at most ${max} run at once (${setting}). Complete one first.`, {
    extensions: { code: LimitCode.MAX_SUBSCRIPTIONS_EXCEEDED, limit: { name: setting, max } },
  });
}
