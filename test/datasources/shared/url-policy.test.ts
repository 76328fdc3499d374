import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUrlPolicy, Lookup, UrlPolicyOptions, UrlRefusedError } from '../../../src/datasources/shared/url-policy';

/** A resolver that knows a fixed table of names and fails on anything else. */
function fakeDns(table: Record<string, string[]>): Lookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`unknown ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const DNS = fakeDns({
  'feeds.example.org': ['93.184.216.34'],
  'internal.example.org': ['10.0.0.7'],
  'metadata.example.org': ['169.254.169.254'],
  'split.example.org': ['93.184.216.34', '127.0.0.1'],
  'v6local.example.org': ['::1'],
  'mapped.example.org': ['::ffff:127.0.0.1'],
  'dev.school.test': ['192.168.1.20'],
});

const policy = (overrides: Partial<UrlPolicyOptions> = {}) =>
  createUrlPolicy({ allowHosts: [], fileRoots: [], maxRedirects: 5, lookup: DNS, ...overrides });

async function refusal(promise: Promise<unknown>): Promise<UrlRefusedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UrlRefusedError);
  return error as UrlRefusedError;
}

describe('the source URL policy', () => {
  it('allows http(s) URLs whose host resolves only to public addresses', async () => {
    const checked = await policy().checkUrl('https://feeds.example.org/events.ics');
    expect(checked).toMatchObject({ kind: 'http', addresses: [{ address: '93.184.216.34', family: 4 }] });
  });

  it.each([
    ['http://127.0.0.1:8080/feed', '127.0.0.1 (loopback)'],
    ['http://localhost.example/feed', null],
    ['http://internal.example.org/feed', '10.0.0.7 (private)'],
    ['http://metadata.example.org/latest/meta-data/', '169.254.169.254 (linkLocal)'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 (linkLocal)'],
    ['http://[::1]/feed', '::1 (loopback)'],
    ['http://v6local.example.org/feed', '::1 (loopback)'],
    ['http://mapped.example.org/feed', '::ffff:127.0.0.1 (ipv4Mapped)'],
    ['http://split.example.org/feed', '127.0.0.1 (loopback)'],
    ['http://224.0.0.1/feed', '224.0.0.1 (multicast)'],
    ['http://0.0.0.0/feed', '0.0.0.0 (unspecified)'],
  ])('refuses %s, naming the address and its range', async (url, detail) => {
    const error = await refusal(policy().checkUrl(url));
    expect(error.url).toBe(url);
    if (detail === null) {
      expect(error.rule).toBe('unresolvable');
      expect(error.message).toBe(`Refusing to fetch ${url}: localhost.example does not resolve (ENOTFOUND) (rule: unresolvable)`);
    } else {
      expect(error.rule).toBe('private-address');
      expect(error.message).toContain(`resolves to ${detail}, which is not a public address; allow it with SOURCE_ALLOW_HOSTS`);
    }
  });

  it('allows private addresses listed in SOURCE_ALLOW_HOSTS by host name, address or CIDR', async () => {
    await expect(policy({ allowHosts: ['dev.school.test'] }).checkUrl('http://dev.school.test/cal.ics')).resolves.toMatchObject({ kind: 'http' });
    await expect(policy({ allowHosts: ['192.168.0.0/16'] }).checkUrl('http://dev.school.test/cal.ics')).resolves.toMatchObject({ kind: 'http' });
    await expect(policy({ allowHosts: ['127.0.0.1'] }).checkUrl('http://127.0.0.1:9999/x')).resolves.toMatchObject({ kind: 'http' });
    await expect(policy({ allowHosts: ['127.0.0.0/8'] }).checkUrl('http://mapped.example.org/x')).resolves.toMatchObject({ kind: 'http' });
    const other = await refusal(policy({ allowHosts: ['192.168.0.0/16'] }).checkUrl('http://internal.example.org/feed'));
    expect(other.rule).toBe('private-address');
  });

  it.each([
    ['ftp://feeds.example.org/a.ics', 'scheme', 'the scheme ftp: is not http:, https: or file:'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'scheme', 'the scheme gopher: is not http:, https: or file:'],
    ['not a url', 'invalid-url', 'it is not an absolute URL'],
    ['https://user:pw@feeds.example.org/a.ics', 'credentials', 'credentials in the URL are not allowed (use the source options)'],
  ])('refuses %s (%s)', async (url, rule, detail) => {
    const error = await refusal(policy().checkUrl(url));
    expect(error.rule).toBe(rule);
    // The message names the URL without its credentials: it ends up in Source.lastError.
    expect(error.message).toBe(`Refusing to fetch ${url.replace('user:pw@', '')}: ${detail} (rule: ${rule})`);
    expect(error.message).not.toContain('pw');
  });

  it('follows at most SOURCE_MAX_REDIRECTS redirects, checks each hop, and never redirects to file:', async () => {
    const p = policy({ maxRedirects: 2 });
    await expect(p.checkRedirect('https://feeds.example.org/a', '/b', 1)).resolves.toMatchObject({ kind: 'http' });
    const tooMany = await refusal(p.checkRedirect('https://feeds.example.org/a', '/b', 2));
    expect(tooMany.message).toBe('Refusing to fetch /b: https://feeds.example.org/a redirected more than SOURCE_MAX_REDIRECTS=2 times (rule: too-many-redirects)');
    expect((await refusal(p.checkRedirect('https://feeds.example.org/a', 'http://169.254.169.254/', 0))).rule).toBe('private-address');
    const toFile = await refusal(p.checkRedirect('https://feeds.example.org/a', 'file:///etc/passwd', 0));
    expect(toFile.rule).toBe('scheme');
  });

  describe('file: URLs', () => {
    let dir: string;
    let root: string;
    beforeAll(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-url-policy-')));
      root = path.join(dir, 'demo');
      fs.mkdirSync(path.join(root, 'feeds'), { recursive: true });
      fs.writeFileSync(path.join(root, 'feeds', 'events.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'no');
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'feeds', 'link.ics'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads a file under SOURCE_FILE_ROOTS', async () => {
      const file = path.join(root, 'feeds', 'events.ics');
      await expect(policy({ fileRoots: [root] }).checkUrl(pathToFileURL(file).toString())).resolves.toMatchObject({ kind: 'file', path: file });
    });

    it('refuses a file outside the roots, through "..", or through a symlink pointing out', async () => {
      const p = policy({ fileRoots: [root] });
      const outside = await refusal(p.checkUrl(pathToFileURL(path.join(dir, 'secret.txt')).toString()));
      expect(outside.rule).toBe('file-outside-roots');
      expect(outside.message).toContain(`the file ${path.join(dir, 'secret.txt')} is outside SOURCE_FILE_ROOTS (${root})`);
      const dotdot = await refusal(p.checkUrl(`file://${root}/feeds/../../secret.txt`));
      expect(dotdot.rule).toBe('file-outside-roots');
      const link = await refusal(p.checkUrl(pathToFileURL(path.join(root, 'feeds', 'link.ics')).toString()));
      expect(link.message).toContain(`the file ${path.join(dir, 'secret.txt')} is outside`);
    });

    it('refuses every file: URL when no roots are configured', async () => {
      const error = await refusal(policy().checkUrl(pathToFileURL(path.join(root, 'feeds', 'events.ics')).toString()));
      expect(error.message).toContain('and SOURCE_FILE_ROOTS is empty');
    });
  });

  describe('at connect time (DNS rebinding)', () => {
    let server: http.Server;
    let port: number;
    beforeAll(async () => {
      server = http.createServer((_req, res) => res.end('internal'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    function get(lookup: unknown, host: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const agent = new http.Agent({ lookup: lookup as never });
        http.get({ host, port, path: '/', agent }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
    }

    it('refuses the connection when the name resolves to a refused address on the second lookup', async () => {
      let calls = 0;
      // First answer public (passes checkUrl), second answer loopback: the classic rebinding trick.
      const rebinding: Lookup = async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
      const p = createUrlPolicy({ allowHosts: [], fileRoots: [], maxRedirects: 5, lookup: rebinding });
      await expect(p.checkUrl(`http://rebind.example.org:${port}/`)).resolves.toMatchObject({ kind: 'http' });
      await expect(get(p.guardedLookup, 'rebind.example.org')).rejects.toThrow(
        'Refusing to fetch //rebind.example.org: rebind.example.org resolved to 127.0.0.1 at connect time (rule: private-address)');
    });

    it('connects when the resolved address is allowed', async () => {
      const p = createUrlPolicy({ allowHosts: ['127.0.0.0/8'], fileRoots: [], maxRedirects: 5, lookup: fakeDns({ 'partner.test': ['127.0.0.1'] }) });
      await expect(get(p.guardedLookup, 'partner.test')).resolves.toBe('internal');
    });
  });
});
