/**
 * The live scenario's floor: no GraphQL, no database, just `ws` writing the frames the SubscriberFleet
 * reads. It speaks as much graphql-transport-ws as the fleet uses (connection_init → connection_ack,
 * subscribe, ping → pong, complete) and takes a registration as `POST /register` `{ eventId }`: the
 * event's count goes up, the answer goes out, then every subscriber of that event gets one `next` frame,
 * its payload serialized once, one ws.send per subscriber in one synchronous loop, no coalescing.
 * What that costs on this machine is what no server of ours can beat. Started by forkWorker; its first
 * IPC message is `{ type: 'ready', url }` (127.0.0.1, an ephemeral port); it exits with the IPC channel.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

export interface BareBroadcastReady { type: 'ready'; url: string }

interface Subscription { socket: WebSocket; id: string; eventIds: string[] }

const confirmed = new Map<string, number>();
/** eventId → the subscriptions whose ids include it. */
const subscribers = new Map<string, Set<Subscription>>();

function forget(subscription: Subscription): void {
  for (const eventId of subscription.eventIds) subscribers.get(eventId)?.delete(subscription);
}

function broadcast(eventId: string, count: number, changedAt: string): void {
  const payload = JSON.stringify({ data: { registrationCounts: { eventId, confirmed: count, changedAt } } });
  for (const { socket, id } of subscribers.get(eventId) ?? []) socket.send(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/register') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
  req.on('end', () => {
    const { eventId } = JSON.parse(body) as { eventId: string };
    const count = (confirmed.get(eventId) ?? 0) + 1;
    confirmed.set(eventId, count);
    const changedAt = new Date().toISOString();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ eventId, confirmed: count }));
    broadcast(eventId, count, changedAt);
  });
});

const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
wss.on('connection', (socket) => {
  const own = new Map<string, Subscription>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: string; payload?: { variables?: { ids?: string[] } } };
    if (message.type === 'connection_init') {
      socket.send('{"type":"connection_ack"}');
    } else if (message.type === 'subscribe') {
      const subscription = { socket, id: message.id!, eventIds: message.payload?.variables?.ids ?? [] };
      own.set(subscription.id, subscription);
      for (const eventId of subscription.eventIds) {
        let set = subscribers.get(eventId);
        if (!set) subscribers.set(eventId, (set = new Set()));
        set.add(subscription);
      }
    } else if (message.type === 'ping') {
      socket.send('{"type":"pong"}');
    } else if (message.type === 'complete') {
      const subscription = own.get(message.id!);
      own.delete(message.id!);
      if (subscription) forget(subscription);
    }
  });
  socket.on('close', () => own.forEach(forget));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` } satisfies BareBroadcastReady);
});
process.on('disconnect', () => process.exit(0));
