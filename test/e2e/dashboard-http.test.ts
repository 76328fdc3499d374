import { DASHBOARD_REGISTRANTS } from '../../src/edge/browser/dashboard/operations';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

describe('/dashboard over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });
  const get = (path: string) => fetch(`${server.app.url}${path}`);

  it('serves the page with the HTML security headers, its script, styles and chart.js from our own origin', async () => {
    const res = await get('/dashboard?partner=millbrook-library');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';form-action 'none';frame-ancestors 'none';base-uri 'none';object-src 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('etag')).toMatch(/^"/);
    // Every script and stylesheet is ours (no CDN).
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(['/dashboard/dashboard.css', '/dashboard/chart.umd.js', '/dashboard/dashboard.js']);
    const chart = await get('/dashboard/chart.umd.js');
    expect(chart.status).toBe(200);
    expect(await chart.text()).toMatch(/Chart\.js v4\./);
    for (const path of ['/dashboard/dashboard.js', '/dashboard/dashboard.css']) expect((await get(path)).status).toBe(200);
  });

  it('answers a bad partner or parameter with a 400 page that says why, never a 500', async () => {
    const cases: Array<[string, string]> = [
      ['/dashboard?partner=millbrook-libary', 'Unknown partner &quot;millbrook-libary&quot;. Known partners: millbrook-food-share, millbrook-library, millbrook-museum, millbrook-schools, riverbend-literacy.'],
      ['/dashboard?partner=%3Cscript%3E', 'Invalid value for query parameter &quot;partner&quot;: &quot;&lt;script&gt;&quot;. Expected one partner slug (lowercase letters, digits and hyphens).'],
      ['/dashboard?partner=a&partner=b', 'Invalid value for query parameter &quot;partner&quot;: [&quot;a&quot;,&quot;b&quot;]. Expected one partner slug (lowercase letters, digits and hyphens).'],
      ['/dashboard?partnr=millbrook-library', 'Unknown query parameter &quot;partnr&quot;. The dashboard takes &quot;partner&quot; (a partner slug), &quot;from&quot; and &quot;to&quot; (dates, YYYY-MM-DD) and &quot;program&quot;.'],
      ['/dashboard?from=next-week', 'Invalid value for query parameter &quot;from&quot;: &quot;next-week&quot;. Expected a date such as 2026-12-01.'],
      ['/dashboard?to=2026-13-45', 'Invalid value for query parameter &quot;to&quot;: &quot;2026-13-45&quot;. Expected a date such as 2026-12-01.'],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain(`<p role="alert">${message}</p>`);
    }
  });

  it('gives registrants\' names (the dashboard\'s staff query) only to the event\'s own partner key', async () => {
    const owner = await createPartner(server.app.db, 'names-owner');
    const other = await createPartner(server.app.db, 'names-other');
    const event = await insertNativeEvent(server.app.db, owner.partner.id, { title: 'Knitting circle' });
    await server.post({ query: 'mutation($i:RegisterInput!){register(input:$i){__typename}}', variables: { i: { eventId: event.globalId, name: 'Ada Lovelace', email: 'ada@example.org', partySize: 1 } } });
    const ask = (headers: Record<string, string> = {}) => server.post({ query: DASHBOARD_REGISTRANTS, variables: { id: event.globalId } }, headers);

    for (const [headers, code] of [[{}, 'UNAUTHENTICATED'], [{ authorization: other.key }, 'FORBIDDEN']] as const) {
      const { json } = await ask(headers);
      expect(json.data.node.registrations).toBeNull();
      expect(json.errors.map((e: any) => e.extensions.code)).toEqual([code]);
      expect(JSON.stringify(json)).not.toContain('Ada');
    }
    const { json } = await ask({ authorization: owner.key });
    expect(json.errors).toBeUndefined();
    expect(json.data.node.registrations.map((r: any) => [r.name, r.status, r.partySize])).toEqual([['Ada Lovelace', 'CONFIRMED', 1]]);
  });
});
