import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { LiveDeliveryLimits } from '../config';
import { metrics } from '../observability/metrics';

/**
 * Close code for a socket that stayed over its bound for WS_STALLED_CLOSE_MS: 1013 Try Again Later
 * (RFC 6455 registry), a temporary server-side condition. graphql-ws defines no code for it, and its
 * client retries 1013 like any non-fatal close, so a client that reconnects resubscribes and gets
 * fresh state.
 */
export const STALLED_CLOSE_CODE = 1013;

/**
 * Flow control of one graphql-ws socket. While more than WS_MAX_BUFFERED_BYTES wait to be written (the
 * reader is slow or paused) the socket is `full()`: each subscription's payloads wait, newest per
 * event (src/edge/live-subscriber.ts), so the socket costs at most the bound plus one payload per
 * event and subscription. On 'drain' each subscription sends its latest; a socket still over the
 * bound after WS_STALLED_CLOSE_MS is closed 1013.
 */
export class SocketFlow {
  private readonly bound: number;
  private drained: Promise<void> | null = null;

  constructor(private readonly ws: WebSocket, private readonly socket: Socket, private readonly limits: LiveDeliveryLimits) {
    // Over the socket's own high-water mark a write has returned false, so Node emits 'drain' when it empties.
    this.bound = Math.max(limits.maxBufferedBytes, socket.writableHighWaterMark);
    // graphql-ws waits for a frame's write before it takes that subscription's next message, so a
    // subscription whose frame is stuck never asks ready(): a socket with one busy subscription would
    // stay over the bound forever. Every write is watched, and going over the bound starts the clock.
    const send = ws.send.bind(ws) as (...args: unknown[]) => void;
    ws.send = ((...args: unknown[]) => {
      send(...args);
      if (ws.bufferedAmount > this.bound) void this.ready();
    }) as typeof ws.send;
    metrics.wsSockets.add(this);
    ws.once('close', () => metrics.wsSockets.delete(this));
  }

  /** Bytes waiting to be written to this socket (ws's `bufferedAmount`). */
  bufferedBytes(): number {
    return this.ws.bufferedAmount;
  }

  /** Over the bound: a frame now would only add to what waits. */
  full(): boolean {
    return this.ws.bufferedAmount > this.bound;
  }

  /** Resolves at once while the socket keeps up; otherwise when it drains or closes. */
  ready(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    if (this.ws.readyState === WebSocket.OPEN && this.ws.bufferedAmount <= this.bound) return Promise.resolve();
    // Over the bound, or closing: nothing new is made until it drains or the close completes.
    this.drained ??= this.untilDrained();
    return this.drained;
  }

  private untilDrained(): Promise<void> {
    return new Promise((resolve) => {
      const stalled = setTimeout(() => {
        if (this.ws.readyState !== WebSocket.OPEN) return;
        metrics.wsClosed.inc({ reason: 'stalled' });
        this.ws.close(STALLED_CLOSE_CODE, 'Try again later: the socket reads too slowly');
      }, this.limits.stalledCloseMs);
      const done = () => {
        clearTimeout(stalled);
        this.socket.off('drain', done);
        this.ws.off('close', done);
        this.drained = null;
        resolve();
      };
      this.socket.on('drain', done);
      this.ws.on('close', done);
    });
  }
}
