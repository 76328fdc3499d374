import { startFakeServer, FakeServer } from './fake-http';

/** An item as the fake ILS reports it. */
export interface FakeItem {
  id: string;
  /** ILS-DI availabilitystatus / FOLIO item status name. */
  status: string;
  message?: string;
  dueDate?: string;
  holds?: number;
  /** ILS-DI location (a branch code or name); default CEN. */
  location?: string;
}

export interface FakeIls extends FakeServer {
  items: Map<string, FakeItem[]>;
  /** 'ok', 'error' (HTTP 500) or 'hang' (never answers; the client times out). */
  mode: 'ok' | 'error' | 'hang';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Koha-style ILS-DI: GET ?service=GetAvailability&id=1+2+3&id_type=bib → DLF XML. */
export async function startFakeIlsDi(): Promise<FakeIls> {
  const state = { items: new Map<string, FakeItem[]>(), mode: 'ok' as FakeIls['mode'] };
  const server = await startFakeServer((req, res) => {
    if (state.mode === 'hang') return;
    if (state.mode === 'error' || req.url.searchParams.get('service') !== 'GetAvailability') {
      res.statusCode = 500;
      res.end('<error/>');
      return;
    }
    const ids = (req.url.searchParams.get('id') ?? '').split(' ').filter(Boolean);
    const records = ids.map((id) => `<dlf:record><dlf:bibliographic id="${esc(id)}"/><dlf:items>${(state.items.get(id) ?? []).map((item) => `
      <dlf:item id="${esc(item.id)}"><dlf:simpleavailability><dlf:identifier>${esc(item.id)}</dlf:identifier>
        <dlf:availabilitystatus>${esc(item.status)}</dlf:availabilitystatus>${item.message ? `<dlf:availabilitymsg>${esc(item.message)}</dlf:availabilitymsg>` : ''}
        <dlf:location>${esc(item.location ?? 'CEN')}</dlf:location></dlf:simpleavailability></dlf:item>`).join('')}</dlf:items></dlf:record>`);
    res.setHeader('content-type', 'text/xml; charset=utf-8');
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<dlf:collections xmlns:dlf="http://diglib.org/ilsdi/1.1"><dlf:collection>${records.join('')}</dlf:collection></dlf:collections>`);
  });
  return withState(server, state);
}

/** FOLIO batch RTAC: POST { instanceIds } → { holdings: [{ instanceId, holdings: [...] }] }. */
export async function startFakeRtac(): Promise<FakeIls> {
  const state = { items: new Map<string, FakeItem[]>(), mode: 'ok' as FakeIls['mode'] };
  const server = await startFakeServer((req, res) => {
    if (state.mode === 'hang') return;
    if (state.mode === 'error' || req.method !== 'POST') {
      res.statusCode = 500;
      res.end('{}');
      return;
    }
    const { instanceIds } = JSON.parse(req.body) as { instanceIds: string[] };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      holdings: instanceIds.map((instanceId) => ({
        instanceId,
        holdings: (state.items.get(instanceId) ?? []).map((i) => ({
          id: i.id, location: 'Main stacks', callNumber: 'FIC', status: i.status, dueDate: i.dueDate, totalHoldRequests: i.holds,
        })),
      })),
    }));
  });
  return withState(server, state);
}

function withState(server: FakeServer, state: { items: Map<string, FakeItem[]>; mode: FakeIls['mode'] }): FakeIls {
  const fake = server as FakeIls;
  Object.defineProperty(fake, 'items', { get: () => state.items });
  Object.defineProperty(fake, 'mode', { get: () => state.mode, set: (m: FakeIls['mode']) => { state.mode = m; } });
  return fake;
}
