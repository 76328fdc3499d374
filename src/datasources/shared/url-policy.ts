import dns from 'node:dns';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { redactCredentials } from './redact-credentials';

/**
 * Which source URLs the server may fetch. Source URLs are typed in by admins but fetched by the
 * server, so a URL is an SSRF vector: by default only public unicast addresses over http(s) are
 * allowed, and `file:` only under configured roots.
 *
 * DNS rebinding: checking a name and then letting the HTTP stack resolve it again leaves a window
 * where the second answer is 127.0.0.1. `guardedLookup` closes it: give it to the HTTP agent as its
 * `lookup`, so the address the socket actually connects to is the one that passed the check. Every
 * redirect hop must go through `checkUrl` again (and at most `maxRedirects` hops are followed).
 */
export type UrlRule =
  | 'invalid-url'
  | 'scheme'
  | 'credentials'
  | 'unresolvable'
  | 'private-address'
  | 'file-outside-roots'
  | 'too-many-redirects';

export class UrlRefusedError extends Error {
  readonly url: string;

  constructor(url: string, readonly rule: UrlRule, detail: string) {
    super(redactCredentials(`Refusing to fetch ${url}: ${detail} (rule: ${rule})`));
    this.url = redactCredentials(url);
    this.name = 'UrlRefusedError';
  }
}

export interface LookupAddress {
  address: string;
  family: number;
}

/** dns.lookup with all: true; injectable so tests can make any name resolve anywhere. */
export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface UrlPolicyOptions {
  /** SOURCE_ALLOW_HOSTS: host names (exact, case-insensitive), IP addresses or CIDRs allowed despite the rules. */
  allowHosts: string[];
  /** SOURCE_FILE_ROOTS: directories `file:` sources may be read from; empty refuses every file: URL. */
  fileRoots: string[];
  /** SOURCE_MAX_REDIRECTS. */
  maxRedirects: number;
  lookup?: Lookup;
}

export type CheckedUrl =
  | { kind: 'http'; url: URL; addresses: LookupAddress[] }
  | { kind: 'file'; url: URL; path: string };

export interface UrlPolicy {
  readonly maxRedirects: number;
  /** SOURCE_FILE_ROOTS as configured (for adapters that stream files themselves: MARC). */
  readonly fileRoots: string[];
  /** Validates a URL (first request or any redirect hop); resolves http(s) hosts once. */
  checkUrl(url: string): Promise<CheckedUrl>;
  /** Throws when following one more redirect would exceed the cap; `hops` counts redirects so far. */
  checkRedirect(from: string, to: string, hops: number): Promise<CheckedUrl>;
  /** Is this resolved address allowed for this host? */
  addressAllowed(hostname: string, address: string): boolean;
  /** A `net.LookupFunction` for http.Agent / undici `connect`: fails the connection to a refused address. */
  guardedLookup: GuardedLookup;
}

export type GuardedLookup = (
  hostname: string,
  options: unknown,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/** Only global unicast addresses are public; ipaddr.js names every special-purpose range (RFC 6890). */
function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    // ::ffff:127.0.0.1 reaches the IPv4 loopback: judge the embedded address.
    if (v6.isIPv4MappedAddress()) return isPublic(v6.toIPv4Address());
  }
  return address.range() === 'unicast';
}

function parseAllowEntries(entries: string[]) {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    if (raw.includes('/')) ranges.push(ipaddr.parseCIDR(raw));
    else if (ipaddr.isValid(raw)) {
      const ip = ipaddr.parse(raw);
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(raw.toLowerCase());
  }
  return { hosts, ranges };
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  return ranges.some(([base, bits]) => {
    let candidate = address;
    if (candidate.kind() === 'ipv6' && base.kind() === 'ipv4' && (candidate as ipaddr.IPv6).isIPv4MappedAddress()) {
      candidate = (candidate as ipaddr.IPv6).toIPv4Address();
    }
    return candidate.kind() === base.kind() && candidate.match([base, bits] as never);
  });
}

/** The real path (symlinks resolved) when it exists; the lexical one otherwise (reading it then fails). */
function realOrResolved(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function createUrlPolicy(options: UrlPolicyOptions): UrlPolicy {
  const lookup = options.lookup ?? systemLookup;
  const allow = parseAllowEntries(options.allowHosts);
  const roots = options.fileRoots.map(realOrResolved);

  const addressAllowed = (hostname: string, address: string): boolean => {
    if (allow.hosts.has(hostname.toLowerCase())) return true;
    if (!ipaddr.isValid(address)) return false;
    const ip = ipaddr.parse(address);
    return isPublic(ip) || inRange(ip, allow.ranges);
  };

  const checkFile = (url: URL, raw: string): CheckedUrl => {
    let file: string;
    try {
      file = fileURLToPath(url);
    } catch (error) {
      throw new UrlRefusedError(raw, 'invalid-url', (error as Error).message);
    }
    // Resolve `..` and symlinks first: the root check must see where the bytes really come from.
    const real = realOrResolved(file);
    if (!roots.some((root) => isInside(root, real))) {
      const where = roots.length ? `outside SOURCE_FILE_ROOTS (${roots.join(', ')})` : 'and SOURCE_FILE_ROOTS is empty';
      throw new UrlRefusedError(raw, 'file-outside-roots', `the file ${real} is ${where}`);
    }
    return { kind: 'file', url, path: real };
  };

  const checkUrl = async (raw: string): Promise<CheckedUrl> => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UrlRefusedError(raw, 'invalid-url', 'it is not an absolute URL');
    }
    if (url.protocol === 'file:') return checkFile(url, raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UrlRefusedError(raw, 'scheme', `the scheme ${url.protocol} is not http:, https: or file:`);
    }
    if (url.username || url.password) {
      throw new UrlRefusedError(raw, 'credentials', 'credentials in the URL are not allowed (use the source options)');
    }
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: LookupAddress[];
    if (ipaddr.isValid(hostname)) addresses = [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }];
    else {
      try {
        addresses = await lookup(hostname);
      } catch (error) {
        throw new UrlRefusedError(raw, 'unresolvable', `${hostname} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      if (addresses.length === 0) throw new UrlRefusedError(raw, 'unresolvable', `${hostname} has no addresses`);
    }
    // Every answer must pass: the connection may use any of them.
    const refused = addresses.find((a) => !addressAllowed(hostname, a.address));
    if (refused) {
      throw new UrlRefusedError(raw, 'private-address',
        `${hostname} resolves to ${refused.address} (${ipaddr.parse(refused.address).range()}), which is not a public address; allow it with SOURCE_ALLOW_HOSTS`);
    }
    return { kind: 'http', url, addresses };
  };

  const guardedLookup: GuardedLookup = (hostname, lookupOptions, callback) => {
    const all = typeof lookupOptions === 'object' && lookupOptions !== null && (lookupOptions as { all?: boolean }).all;
    lookup(hostname).then((addresses) => {
      const refused = addresses.find((a) => !addressAllowed(hostname, a.address));
      if (refused || addresses.length === 0) {
        const error: NodeJS.ErrnoException = new UrlRefusedError(`//${hostname}`, 'private-address',
          `${hostname} resolved to ${refused?.address ?? 'nothing'} at connect time`);
        error.code = 'ECONNREFUSED';
        callback(error, '');
        return;
      }
      if (all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    }, (error: NodeJS.ErrnoException) => callback(error, ''));
  };

  return {
    maxRedirects: options.maxRedirects,
    fileRoots: options.fileRoots,
    checkUrl,
    async checkRedirect(from, to, hops) {
      if (hops >= options.maxRedirects) {
        throw new UrlRefusedError(to, 'too-many-redirects', `${from} redirected more than SOURCE_MAX_REDIRECTS=${options.maxRedirects} times`);
      }
      const target = new URL(to, from);
      // A feed may move to another host, never from the network to the server's own disk.
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new UrlRefusedError(target.toString(), 'scheme', `${from} redirected to ${target.protocol}, only http: and https: redirects are followed`);
      }
      return checkUrl(target.toString());
    },
    addressAllowed,
    guardedLookup,
  };
}
