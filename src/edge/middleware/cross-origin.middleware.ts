import cors from 'cors';
import { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * CORS by allowlist: browsers on the listed origins may call the API (with Authorization); every
 * other origin gets no CORS headers, so its pages cannot read responses. `*` allows any origin.
 * CSRF is handled by Apollo's csrfPrevention (on): simple requests without a JSON content type
 * or an Apollo-Require-Preflight header are refused.
 */
export function corsAllowlist(origins: string[]): RequestHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((o) => o.replace(/\/$/, '').toLowerCase()));
  return cors({
    origin: (origin, callback) => callback(null, !!origin && (any || allowed.has(origin.toLowerCase()))),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  });
}

/**
 * Security headers for HTML pages (GraphiQL and future embeds): a CSP allowing only our own scripts,
 * no framing by other sites, no sniffing, no referrer leaks. JSON answers get nosniff only.
 */
export function htmlSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // GraphiQL sets inline styles at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
}

export const noSniff: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};
