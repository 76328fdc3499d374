/** The dashboard's two ways to the API: one HTTP POST per query, one graphql-ws socket for live counts. */

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** POST a query; the partner key, when given, goes in the Authorization header (never stored). */
export async function post<T>(url: string, query: string, variables: object, key: string | null): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = 'Bearer ' + key;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}

const MAX_RECONNECTS = 8;

export interface Live {
  stop(): void;
}

/**
 * A graphql-transport-ws subscription (connection_init → connection_ack → subscribe → next…). The key
 * travels in connection_init's payload, as the server expects. Reconnects a bounded number of times
 * with capped exponential backoff; `onState` tells the page what to announce.
 */
export function subscribe<T>(url: string, query: string, variables: object, key: string | null,
  onData: (data: T) => void, onState: (state: 'live' | 'reconnecting' | 'closed', reason?: string) => void): Live {
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let stopped = false;
  const send = (message: object) => socket && socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));
  const open = () => {
    socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.onopen = () => send({ type: 'connection_init', payload: key ? { authorization: 'Bearer ' + key } : {} });
    socket.onmessage = (m) => {
      const msg = JSON.parse(String(m.data));
      if (msg.type === 'connection_ack') {
        attempts = 0;
        send({ id: 'live', type: 'subscribe', payload: { query, variables } });
        onState('live');
      } else if (msg.type === 'ping') send({ type: 'pong' });
      else if (msg.type === 'next' && msg.payload && msg.payload.data) onData(msg.payload.data);
      else if (msg.type === 'error') onState('closed', (msg.payload && msg.payload[0] && msg.payload[0].message) || 'subscription refused');
    };
    socket.onclose = (ev) => {
      if (stopped) return;
      // 4403: the key was refused. Retrying with the same key cannot help.
      if (ev.code === 4403) return onState('closed', 'the API key was refused');
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
