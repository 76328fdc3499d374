import { LocalRequest, LocalReply, LocalServer, startLocalServer } from './local-http';

export interface FakeLibCal extends LocalServer {
  /** Forget every issued token (as when LibCal revokes or expires them early). */
  revokeTokens(): void;
  /** The next `/1.1/events` calls answer with this status instead. */
  failEventsWith(status: number | null): void;
  tokensIssued(): number;
}

/**
 * LibCal API v1.1 as a real HTTP server: client-credentials token endpoint (form-encoded POST),
 * Bearer-protected `/1.1/events?cal_id=&date=&days=&limit=&page=` answering `{ "events": [...] }`.
 */
export async function startFakeLibCal(events: () => Record<string, unknown>[], credentials = { id: 'client-1', secret: 's3cret' }): Promise<FakeLibCal> {
  const live = new Set<string>();
  let issued = 0;
  let failWith: number | null = null;
  const handler = (req: LocalRequest): LocalReply => {
    if (req.path === '/1.1/oauth/token') {
      const form = new URLSearchParams(req.body);
      if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
      if (form.get('client_id') !== credentials.id || form.get('client_secret') !== credentials.secret) return { status: 401, body: { error: 'invalid_client' } };
      const token = `tok-${++issued}`;
      live.add(token);
      return { body: { access_token: token, expires_in: 3600, token_type: 'Bearer', scope: 'cal_r ev_r' } };
    }
    if (req.path === '/1.1/events') {
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      if (!bearer || !live.has(bearer)) return { status: 401, body: { error: 'invalid_token' } };
      if (failWith) return { status: failWith, body: { error: `status ${failWith}` } };
      const limit = Number(req.query.get('limit'));
      const page = Number(req.query.get('page'));
      return { body: { events: events().slice((page - 1) * limit, page * limit) } };
    }
    return { status: 404, body: { error: 'not found' } };
  };
  const server = await startLocalServer(handler);
  return {
    ...server,
    revokeTokens: () => live.clear(),
    failEventsWith: (status) => { failWith = status; },
    tokensIssued: () => issued,
  };
}
