import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type WebSocket from 'ws';
import { metrics } from '../observability/metrics';

/** A result's `next` payload, serialised once however many sockets it goes to. */
export class SharedPayload {
  constructor(readonly json: string) {}
}

/**
 * One serialisation per shared result (src/edge/shared-delivery.ts hands subscribers of one distinct
 * subscription the same result object). graphql-ws stringifies `{ id, type: 'next', payload }` per
 * socket; on Node 20 JSON.stringify cannot embed text already serialised (JSON.rawJSON is Node 21+), so:
 *
 * 1. `payloadOf(result)` is what onNext returns: a SharedPayload holding the result's JSON, made once
 *    per result object and reused for every socket.
 * 2. graphql-ws's `jsonMessageReplacer` (this `replacer`) writes a one-off token in its place, so the
 *    per-socket stringify is of the id and the type only.
 * 3. Each socket's send (`attach`) swaps the token for the shared text: the frame is graphql-ws's own
 *    `{"id":…,"type":"next","payload":` prefix, then the payload's bytes.
 *
 * graphql-ws stringifies a message and hands it to the socket in one synchronous step
 * (`socket.send(stringifyMessage(…))`), so one slot holds the token between the two; a token is
 * fresh per frame and only the exact `"payload":"<token>"}` ending is replaced (a client-chosen id is
 * escaped by JSON.stringify and cannot forge it), so a payload can only land in the frame it was
 * stringified for. A frame never sent (socket closing) leaves a stale slot, overwritten by the next.
 */
export class SharedFrames {
  private readonly payloads = new WeakMap<ExecutionResult, SharedPayload>();
  private readonly nonce = `\u0000shared-payload:${randomUUID()}:`;
  private sequence = 0;
  private slot: { ending: string; json: string } | null = null;

  /**
   * The payload to send for `result` (errors are formatted per socket, so only error-free results are
   * shared; undefined leaves the frame to graphql-ws).
   */
  payloadOf(result: ExecutionResult): SharedPayload | undefined {
    if (result.errors) return undefined;
    let payload = this.payloads.get(result);
    if (!payload) {
      metrics.livePayloadsSerialised.inc();
      payload = new SharedPayload(JSON.stringify(result));
      this.payloads.set(result, payload);
    }
    return payload;
  }

  /** graphql-ws's `jsonMessageReplacer`. */
  readonly replacer = (key: string, value: unknown): unknown => {
    if (key !== 'payload' || !(value instanceof SharedPayload)) return value;
    const token = `${this.nonce}${++this.sequence}`;
    this.slot = { ending: `"payload":${JSON.stringify(token)}}`, json: value.json };
    return token;
  };

  /** Completes this socket's frames that carry a shared payload's token. */
  attach(ws: WebSocket): void {
    const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
    ws.send = ((data: unknown, ...rest: unknown[]) => send(this.complete(data), ...rest)) as typeof ws.send;
  }

  private complete(data: unknown): unknown {
    const slot = this.slot;
    if (!slot || typeof data !== 'string' || !data.endsWith(slot.ending)) return data;
    this.slot = null;
    return `${data.slice(0, data.length - slot.ending.length)}"payload":${slot.json}}`;
  }
}
