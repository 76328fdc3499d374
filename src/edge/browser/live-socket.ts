/**
 * The one browser graphql-ws client, shared by the widget and the dashboard: one subscription over
 * the graphql-transport-ws protocol (connection_init → connection_ack → subscribe → next…; a ping is
 * answered with pong). An API key travels in connection_init's payload, as the server expects.
 * Reconnects a bounded number of times with capped exponential backoff, never after a refusal that
 * a retry cannot change: 4403 (the key was refused) or 4429 (too many sockets from this address).
 */
export type LiveState = 'live' | 'reconnecting' | 'closed';

export interface LiveSubscription {
  stop(): void;
}

export interface LiveOptions<T> {
  url: string;
  query: string;
  operationName?: string;
  variables: object;
  key?: string | null;
  onData: (data: T) => void;
  /** What a page may announce: live, reconnecting, or closed with the reason. */
  onState?: (state: LiveState, reason?: string) => void;
}

const MAX_RECONNECTS = 8;
const FINAL_CLOSES: Record<number, string> = { 4403: 'the API key was refused', 4429: 'too many connections from this network' };

export function subscribeLive<T>(options: LiveOptions<T>): LiveSubscription {
  const onState = options.onState ?? (() => undefined);
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let stopped = false;
  const send = (message: object) => socket && socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));
  const open = () => {
    socket = new WebSocket(options.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.onopen = () => send({ type: 'connection_init', payload: options.key ? { authorization: 'Bearer ' + options.key } : {} });
    socket.onmessage = (m) => {
      const msg = JSON.parse(String(m.data));
      if (msg.type === 'connection_ack') {
        attempts = 0;
        send({ id: 'live', type: 'subscribe', payload: { query: options.query, operationName: options.operationName, variables: options.variables } });
        onState('live');
      } else if (msg.type === 'ping') send({ type: 'pong' });
      else if (msg.type === 'next' && msg.payload && msg.payload.data) options.onData(msg.payload.data);
      else if (msg.type === 'error') onState('closed', (msg.payload && msg.payload[0] && msg.payload[0].message) || 'subscription refused');
    };
    socket.onclose = (ev) => {
      if (stopped) return;
      if (FINAL_CLOSES[ev.code]) return onState('closed', FINAL_CLOSES[ev.code]);
      if (attempts >= MAX_RECONNECTS) return onState('closed', 'the server cannot be reached');
      onState('reconnecting');
      timer = setTimeout(open, Math.min(30000, 1000 * 2 ** attempts++));
    };
  };
  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (socket) socket.close(1000);
    },
  };
}
