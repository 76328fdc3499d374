import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface PartnerSite {
  /** http://127.0.0.1:PORT, a second origin beside the API's */
  url: string;
  close(): Promise<void>;
}

/** A partner's own website on its own origin (another port), serving the given pages (path → body HTML). */
export function startPartnerSite(pages: Record<string, string>): Promise<PartnerSite> {
  const site = http.createServer((req, res) => {
    const body = pages[req.url ?? ''];
    const html = body && `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body><h1>A partner's page</h1>${body}<footer>Partner footer</footer></body></html>`;
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html || 'not found');
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((done) => { site.closeAllConnections(); site.close(() => done()); }),
  })));
}
