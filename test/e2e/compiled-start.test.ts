import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, startServe } from '../support/cli';

/**
 * `npm start` runs the compiled JavaScript of `npm run build` (which `npm ci` runs as `prepare`): the
 * demo loads, the API answers and the widget is served from the bundle made at build time, and tsx
 * (TypeScript compiled at run time) is never loaded. A checkout that was never built fails here.
 */
const ROOT = path.join(__dirname, '../..');
const PROBE = path.join(__dirname, '../fixtures/probes/report-tsx.js');

describe('the compiled build', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-compiled-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const serve = (fromSource: boolean) => startServe({
    COMMUNITY_GRAPH_FROM_SOURCE: fromSource ? '1' : '0',
    DATABASE_URL: `sqlite://${path.join(dir, 'db.sqlite')}`,
    NODE_OPTIONS: `--require ${PROBE}`,
    LOG_LEVEL: 'info',
  });

  it('exists: dist/src/main.js and the prebuilt widget bundle (run `npm run build`)', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/src/main.js'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'dist/src/edge/browser/widget.live.bundle.js'))).toBe(true);
  });

  it('serves the demo, the API and the widget without compiling TypeScript', async () => {
    const { child, url, exited } = await serve(false);
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ partners { slug } }' }) });
      expect((await response.json()).data.partners).toHaveLength(5);
      const widget = await fetch(url.replace(/\/graphql$/, '/widget.js'));
      expect(widget.status).toBe(200);
      expect(await widget.text()).toMatch(/^\/\* Community Graph events widget/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(stderr.join('')).not.toContain('TSX LOADED');
  });

  it('loads tsx only when asked to run from source (the probe sees it)', async () => {
    const probe = { NODE_OPTIONS: `--require ${PROBE}` };
    const compiled = await runCli(['--help'], { ...probe, COMMUNITY_GRAPH_FROM_SOURCE: '0' });
    const source = await runCli(['--help'], { ...probe, COMMUNITY_GRAPH_FROM_SOURCE: '1' });
    expect([compiled.code, source.code]).toEqual([0, 0]);
    expect(compiled.stdout).toBe(source.stdout);
    expect(compiled.stderr).not.toContain('TSX LOADED');
    expect(source.stderr).toContain('TSX LOADED');
  });
});
