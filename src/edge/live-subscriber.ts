import WebSocket from 'ws';
import { MAX_PENDING_PER_SUBSCRIBER } from '../pubsub/pubsub';
import type { SocketFlow } from './ws-flow';

/**
 * One graphql-ws subscription's end of a fan-out group (src/edge/fan-out.ts): it writes the group's
 * shared payload text as its own `next` frame, synchronously while its socket keeps up. While the
 * socket is over its bound (src/edge/ws-flow.ts), or a frame must wait for the API key's re-check,
 * payloads wait here, the newest per event replacing older ones, and leave in order once it may send:
 * a slow reader costs at most the bound plus one payload per event, and always ends on the latest.
 */
export class LiveSubscriber {
  private readonly pending = new Map<unknown, string>();
  private readonly prefix: string;
  private flushing = false;
  private gone = false;

  constructor(
    private readonly ws: WebSocket,
    id: string,
    private readonly flow: SocketFlow,
    /** Checked before every frame when set (a staff key may be revoked); false: nothing more is sent. */
    private readonly admit?: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    // graphql-ws's own frame, `{ id, type: 'next', payload }`, with the id escaped once.
    this.prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  deliver(key: unknown, json: string): void {
    if (this.gone || this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.admit && !this.flushing && !this.flow.full()) {
      this.write(json);
      return;
    }
    // Deleted first so a replacement moves to the back: payloads leave in the order of their latest change.
    this.pending.delete(key);
    this.pending.set(key, json);
    if (this.pending.size > MAX_PENDING_PER_SUBSCRIBER) this.pending.delete(this.pending.keys().next().value);
    if (!this.flushing) void this.flush();
  }

  /** The subscription ended: nothing more is written, nothing kept. */
  forget(): void {
    this.gone = true;
    this.pending.clear();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.size && !this.gone && this.ws.readyState === WebSocket.OPEN) {
        if (this.flow.full()) {
          await this.flow.ready();
          continue;
        }
        if (this.admit && !(await this.admit())) {
          this.forget();
          return;
        }
        const payloads = [...this.pending.values()];
        this.pending.clear();
        for (const json of payloads) this.write(json);
      }
    } catch (error) {
      // The check failed (the database is away): what waits is sent after the next change's check.
      this.onError(error);
    } finally {
      this.flushing = false;
    }
  }

  private write(json: string): void {
    this.ws.send(`${this.prefix}${json}}`);
  }
}
