import express, { Router } from 'express';

/**
 * The site icon: three linked nodes, for "graph". Browsers ask for /favicon.ico on every page
 * (GraphiQL, the dashboard, embeds) whether or not a page links one, and a 404 there filled the
 * browser console and the access log. SVG rather than ICO: a few hundred bytes, sharp at every size,
 * and text in the diff; pages link it with type="image/svg+xml", which every current browser honours.
 */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
  + '<rect width="32" height="32" rx="7" fill="#1f6f5c"/>'
  + '<path d="M9 22 16 9l7 13z" fill="none" stroke="#fff" stroke-width="2.5" stroke-linejoin="round"/>'
  + '<g fill="#fff"><circle cx="16" cy="9" r="3.5"/><circle cx="9" cy="22" r="3.5"/><circle cx="23" cy="22" r="3.5"/></g>'
  + '</svg>\n';

export function faviconRouter(): Router {
  const router = express.Router();
  router.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON_SVG);
  });
  return router;
}
