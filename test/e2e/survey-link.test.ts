import { qrMatrix } from '../../src/edge/survey/survey-qr.svg';
import { describeEachBackend } from '../support/backends';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';

const LINK = 'query($id: ID!) { event(id: $id) { surveyLink { code url qrSvgUrl } } }';

/** The dark modules an SVG of ours draws: each `M<x> <y>h1v1h-1z` square, less the 4-module quiet zone. */
function modulesOf(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]) - 8;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) grid[Number(y) - 4][Number(x) - 4] = true;
  return grid;
}

/** A QR finder pattern at (row, col): a dark 7×7 ring, a light ring, a dark 3×3 core. */
function isFinder(grid: boolean[][], row: number, col: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (grid[row + r][col + c] !== (ring !== 2)) return false;
    }
  }
  return true;
}

describeEachBackend('Event.surveyLink and the QR code /s/<code>.svg', (backend) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false });
    owner = await createPartner(server.app.db, 'survey-link-owner');
  });
  afterAll(() => server?.close());

  it('gives the partner\'s staff the short link and QR address, the same on every ask, and nobody without a key', async () => {
    const event = await insertNativeEvent(server.app.db, owner.partner.id);
    const first = await server.post({ query: LINK, variables: { id: event.globalId } }, { authorization: owner.key });
    const link = first.json.data.event.surveyLink;
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(link).toEqual({ code: link.code, url: `${server.app.url}/s/${link.code}`, qrSvgUrl: `${server.app.url}/s/${link.code}.svg` });
    const again = await server.post({ query: LINK, variables: { id: event.globalId } }, { authorization: owner.key });
    expect(again.json.data.event.surveyLink).toEqual(link);
    const anonymous = await server.post({ query: LINK, variables: { id: event.globalId } });
    expect(anonymous.json.data.event.surveyLink).toBeNull();
    expect(anonymous.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('draws the absolute short address as a cacheable SVG QR code that holds exactly that address', async () => {
    const event = await insertNativeEvent(server.app.db, owner.partner.id);
    const { code, url, qrSvgUrl } = (await server.post({ query: LINK, variables: { id: event.globalId } }, { authorization: owner.key })).json.data.event.surveyLink;
    const response = await fetch(qrSvgUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=86400');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain(`<title id="t">${url}</title>`);
    expect(svg).not.toContain('<script');
    // No QR decoder in node_modules: the drawing must be the library's own matrix for the URL, module for
    // module, with a finder pattern in three corners (so it is a QR symbol, and of this text).
    const grid = modulesOf(svg);
    expect(grid).toEqual(qrMatrix(url));
    const n = grid.length;
    expect([isFinder(grid, 0, 0), isFinder(grid, 0, n - 7), isFinder(grid, n - 7, 0), isFinder(grid, n - 7, n - 7)]).toEqual([true, true, true, false]);
    expect(qrMatrix(`${url}x`)).not.toEqual(grid);

    const revalidated = await fetch(qrSvgUrl, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(code).toBeTruthy();
    const unknown = await fetch(`${server.app.url}/s/AAAAAAAA.svg`);
    expect(unknown.status).toBe(404);
  });
});

describe('survey links behind a proxy (PUBLIC_URL) [sqlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: false, env: { PUBLIC_URL: 'https://events.example.org' } });
  });
  afterAll(() => server?.close());

  it('uses PUBLIC_URL in the link and inside the QR code', async () => {
    const owner = await createPartner(server.app.db, 'survey-link-proxy');
    const event = await insertNativeEvent(server.app.db, owner.partner.id);
    const link = (await server.post({ query: LINK, variables: { id: event.globalId } }, { authorization: owner.key })).json.data.event.surveyLink;
    expect(link.url).toBe(`https://events.example.org/s/${link.code}`);
    expect(link.qrSvgUrl).toBe(`https://events.example.org/s/${link.code}.svg`);
    const svg = await (await fetch(`${server.app.url}/s/${link.code}.svg`)).text();
    expect(modulesOf(svg)).toEqual(qrMatrix(link.url));
  });
});
