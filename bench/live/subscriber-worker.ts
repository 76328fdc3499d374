/**
 * One client process of the SubscriberFleet (subscribers.ts): it holds its share of the graphql-ws
 * sockets and stamps every frame on arrival, so parsing 10,000 sockets' frames is spread over several
 * processes instead of queuing in the bench's own event loop (where it would be measured as delivery
 * latency). The parent drives it over IPC; arrivals go back as one LedgerReport per measurement.
 */
import WebSocket from 'ws';
import { ArrivalLedger, Finals, LedgerReport } from './arrival-ledger';

const COUNTS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { eventId confirmed changedAt } }';
/** Sockets opened at once; more only queues handshakes on a 2-core machine. */
const CONNECT_BATCH = 100;

export type WorkerRequest =
  | { type: 'connect'; id: number; urls: string[]; firstIndex: number; count: number; eventIds: string[] }
  | { type: 'settled'; id: number; finals: Finals }
  | { type: 'reset'; id: number }
  | { type: 'report'; id: number };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; settled?: number; maxBehind?: number; report?: LedgerReport }
  | { type: 'error'; id: number; message: string };

const sockets: WebSocket[] = [];
const socketIds: number[] = [];
const ledger = new ArrivalLedger();

function open(httpUrl: string, eventIds: string[], index: number): Promise<void> {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
  sockets.push(socket);
  socketIds.push(index);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    // A close before the ack (a cap, a timeout) would otherwise leave connect() waiting forever.
    socket.once('close', (code, reason) => reject(new Error(`socket ${index} closed before connection_ack: ${code} ${String(reason)}`)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const arrived = Date.now();
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ type: 'subscribe', id: `s${index}`, payload: { query: COUNTS, variables: { ids: eventIds } } }));
        resolve();
      } else if (message.type === 'next' && message.payload.data) {
        const counts = message.payload.data.registrationCounts;
        ledger.record(index, counts.eventId, counts.confirmed, Date.parse(counts.changedAt), arrived);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
  });
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'connect':
      for (let start = 0; start < request.count; start += CONNECT_BATCH) {
        const batch = Math.min(CONNECT_BATCH, request.count - start);
        await Promise.all(Array.from({ length: batch }, (_, i) => {
          const index = request.firstIndex + start + i;
          return open(request.urls[index % request.urls.length], request.eventIds, index);
        }));
      }
      return { type: 'done', id: request.id };
    case 'settled':
      return { type: 'done', id: request.id, settled: ledger.settled(socketIds, request.finals), maxBehind: ledger.maxBehind(socketIds, request.finals) };
    case 'reset':
      ledger.reset();
      return { type: 'done', id: request.id };
    case 'report':
      return { type: 'done', id: request.id, report: ledger.report(sockets.length) };
  }
}

process.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ type: 'error', id: request.id, message: error.message } satisfies WorkerReply),
  );
});
// The parent going away (crash, Ctrl-C) ends this process with it: the IPC channel closes.
process.on('disconnect', () => process.exit(0));
process.send!({ type: 'ready' } satisfies WorkerReply);
