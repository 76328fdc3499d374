import { startTestServer, TestServer } from '../support/server';
import { connect, toWsUrl } from '../support/ws';

const nested = (depth: number): string => `subscription { eventChanges { event { ${'organizer { events(first: 1) { edges { node { '.repeat(depth)}title${' } } } }'.repeat(depth)} } } }`;

describe('subscriptions obey the same limits as HTTP', () => {
  let server: TestServer;
  // A fresh server (and so a fresh rate-limit budget) per test.
  beforeEach(async () => {
    server = await startTestServer('sqlite', { demo: false, env: { RATE_LIMIT_PER_IP: '3', MAX_QUERY_DEPTH: '6' } });
  });
  afterEach(() => server.close());

  it('refuse a subscription deeper than MAX_QUERY_DEPTH with the HTTP code and message', async () => {
    const socket = await connect(toWsUrl(server.graphqlUrl));
    try {
      socket.send({ type: 'subscribe', id: 'deep', payload: { query: nested(3) } });
      const message = await socket.nextMatching((m) => m.id === 'deep');
      expect(message.type).toBe('error');
      expect(message.payload[0]).toMatchObject({ extensions: { code: 'MAX_DEPTH_EXCEEDED' } });
      expect(message.payload[0].message).toContain('exceeds the limit of 6');
    } finally {
      socket.close();
    }
  });

  it('refuse subscribes past the address\'s rate limit with RATE_LIMITED, and keep the socket open', async () => {
    const socket = await connect(toWsUrl(server.graphqlUrl));
    try {
      for (let i = 0; i < 4; i++) {
        socket.send({ type: 'subscribe', id: `s${i}`, payload: { query: 'subscription { eventChanges { type } }' } });
      }
      const refused = await socket.nextMatching((m) => m.type === 'error', 20);
      expect(refused.id).toBe('s3');
      expect(refused.payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'ip' });
      expect(refused.payload[0].message).toMatch(/^Rate limit exceeded: 3 requests per 60 s for this client address/);
      socket.send({ type: 'ping' });
      expect((await socket.next()).type).toBe('pong');
    } finally {
      socket.close();
    }
  });
});
