import { WIDGET_COUNTS } from './operations';

/** What Subscription.registrationCounts delivers for one event. */
export interface RegistrationCounts {
  eventId: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  remaining: number | null;
  changedAt: string;
}

const MAX_RECONNECTS = 8;

/**
 * A minimal graphql-ws client (the graphql-transport-ws protocol: connection_init → connection_ack →
 * subscribe → next…; ping answered with pong). Reconnects with capped exponential backoff, a bounded
 * number of times. Returns a stop function.
 */
export function subscribeCounts(graphqlUrl: string, eventIds: string[], onCounts: (counts: RegistrationCounts) => void): () => void {
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let stopped = false;
  const send = (message: object) => socket && socket.send(JSON.stringify(message));
  const open = () => {
    socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.onopen = () => send({ type: 'connection_init' });
    socket.onmessage = (m) => {
      const msg = JSON.parse(String(m.data));
      if (msg.type === 'connection_ack') {
        attempts = 0;
        send({ id: 'counts', type: 'subscribe', payload: { query: WIDGET_COUNTS, operationName: 'WidgetCounts', variables: { ids: eventIds } } });
      } else if (msg.type === 'ping') send({ type: 'pong' });
      else if (msg.type === 'next' && msg.payload && msg.payload.data) onCounts(msg.payload.data.registrationCounts);
    };
    socket.onclose = () => {
      if (!stopped && attempts < MAX_RECONNECTS) timer = setTimeout(open, Math.min(30000, 1000 * 2 ** attempts++));
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (socket) socket.close(1000);
  };
}
