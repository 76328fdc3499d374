import { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The staff pages' headers (/dashboard, /door): the other HTML pages' set (helmet), with a CSP that
 * allows only our own scripts, styles and connections (graphql-ws on the same host), and no framing:
 * staff type a partner key into these pages.
 */
export const staffPageHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], formAction: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
});
