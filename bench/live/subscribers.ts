import WebSocket from 'ws';
import { sleep } from './processes';

const COUNTS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { eventId confirmed changedAt } }';

/**
 * N graphql-ws subscribers, spread round-robin over the replicas, all on the same event set. Each
 * delivery is stamped on arrival; the latency is arrival minus the message's changedAt (the commit
 * time on the server; same host, same clock).
 */
export class SubscriberFleet {
  private readonly sockets: WebSocket[] = [];
  /** message key (event:confirmed) → [deliveries, latest arrival latency] */
  private readonly byMessage = new Map<string, { count: number; maxMs: number }>();
  latencies: number[] = [];
  delivered = 0;

  async connect(urls: string[], n: number, eventIds: string[]): Promise<void> {
    const batch = 200;
    for (let start = 0; start < n; start += batch) {
      await Promise.all(Array.from({ length: Math.min(batch, n - start) }, (_, i) => this.open(urls[(start + i) % urls.length], eventIds, start + i)));
    }
  }

  private open(httpUrl: string, eventIds: string[], index: number): Promise<void> {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
    this.sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        const arrived = Date.now();
        const message = JSON.parse(String(data));
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ type: 'subscribe', id: `s${index}`, payload: { query: COUNTS, variables: { ids: eventIds } } }));
          resolve();
        } else if (message.type === 'next' && message.payload.data) {
          const counts = message.payload.data.registrationCounts;
          const latency = arrived - Date.parse(counts.changedAt);
          const key = `${counts.eventId}:${counts.confirmed}`;
          const entry = this.byMessage.get(key) ?? { count: 0, maxMs: 0 };
          entry.count++;
          entry.maxMs = Math.max(entry.maxMs, latency);
          this.byMessage.set(key, entry);
          this.latencies.push(latency);
          this.delivered++;
        }
      });
    });
  }

  /** Waits (bounded) until `expected` deliveries arrived; returns whether they all did. */
  async waitFor(expected: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.delivered < expected && Date.now() < deadline) await sleep(20);
    return this.delivered >= expected;
  }

  /** Per message: the latency to its LAST subscriber (only messages every subscriber received). */
  lastSubscriberLatencies(subscribers: number): number[] {
    return [...this.byMessage.values()].filter((m) => m.count === subscribers).map((m) => m.maxMs);
  }

  reset(): void {
    this.byMessage.clear();
    this.latencies = [];
    this.delivered = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.length = 0;
  }
}
