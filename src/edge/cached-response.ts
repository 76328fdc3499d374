import { createHash } from 'node:crypto';
import { Request, Response } from 'express';

/** A strong validator from the exact bytes: a feed that did not change keeps its ETag across requests. */
export const etagOf = (body: string | Buffer): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** RFC 9110 §13.1.2 If-None-Match: "*" or any listed tag (weak comparison) matches. */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(etag);
}

/** Sends a body with ETag and Cache-Control, answering 304 Not Modified to a matching conditional GET. */
export function sendCached(req: Request, res: Response, body: string, options: { type: string; maxAgeSeconds: number }): void {
  const etag = etagOf(body);
  res.set({
    'Content-Type': options.type,
    'Cache-Control': `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`,
    ETag: etag,
  });
  if (ifNoneMatch(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(req.method === 'HEAD' ? undefined : body);
}
