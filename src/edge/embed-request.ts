import { Request, Response } from 'express';
import { Context, ContextDeps, createContext } from '../context';
import { DomainError, ErrorCode } from '../domain/errors';
import type { EventFeedService } from '../features/embeds/event-feed.service';

export interface EmbedRouteOptions {
  deps: ContextDeps;
  eventFeeds: EventFeedService;
  /** PUBLIC_URL, when the server sits behind a proxy; otherwise the request's own scheme and host. */
  publicUrl: string | null;
}

export function baseUrlOf(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

/** Feeds and embeds are public: no API key is read, so a stale key on a partner site cannot break them. */
export function publicContext(deps: ContextDeps, req: Request): Promise<Context> {
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 100) : null;
  return createContext(deps, { requestId });
}

/** A client mistake is 400 (404 for a missing event) with the domain message; anything else is logged and masked. */
export function failureOf(error: unknown, ctx: { deps: ContextDeps }): { status: number; message: string } {
  if (error instanceof DomainError) {
    // Say "query parameter near", not "argument filter.near.lat": the reader wrote a URL, not GraphQL.
    const message = error.message.replace(/^Invalid value for argument "(?:filter\.)?([A-Za-z_]+)[^"]*"/, 'Invalid value for query parameter "$1"');
    return { status: error.code === ErrorCode.NOT_FOUND ? 404 : 400, message };
  }
  ctx.deps.logger.error({ err: error }, 'feed or embed request failed');
  return { status: 500, message: 'Internal server error.' };
}

export function sendPlainError(res: Response, failure: { status: number; message: string }): void {
  res.status(failure.status).set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).send(`${failure.message}\n`);
}
