import { Request, Response, Router } from 'express';
import { buildDoor } from './browser/door-bundle';
import { DOOR_CSS, DOOR_HTML } from './browser/door-page.render';
import { DomainError, ErrorCode, InvalidArgumentError } from '../domain/errors';
import { localIdOf } from '../domain/global-id';
import { htmlEscape } from '../domain/html-escape';
import { sendCached } from './cached-response';
import { EmbedRouteOptions, failureOf } from './embed-request';
import { pageScriptHandler } from './page-script.handler';
import { staffPageHeaders } from './staff-page-headers';

/**
 * /door?event=<Event global id>: check-in at the door for the event's partner's staff. The page is
 * the same for every event (the script reads the id from the URL, and every fact about the event
 * from the API with the key), so it caches like the dashboard; only the id's shape is checked here.
 */
export function doorRouter(options: EmbedRouteOptions): Router {
  const router = Router();
  router.get('/door', staffPageHeaders, (req: Request, res: Response) => {
    try {
      const unknown = Object.keys(req.query).find((k) => k !== 'event' && !k.startsWith('_'));
      if (unknown) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown query parameter "${unknown}". The door page takes "event" (an event's id).`);
      const event = req.query.event;
      if (typeof event !== 'string') throw new InvalidArgumentError('event', event ?? null, 'one event id, as the API gives it');
      localIdOf('Event', event, 'event');
      sendCached(req, res, DOOR_HTML, { type: 'text/html; charset=utf-8', maxAgeSeconds: 60 });
    } catch (error) {
      const failure = failureOf(error, options);
      res.status(failure.status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Door page unavailable</title></head>
<body><main><h1>Check-in at the door</h1><p role="alert">${htmlEscape(failure.message)}</p></main></body></html>\n`);
    }
  });
  router.get('/door/door.css', (req, res) => sendCached(req, res, DOOR_CSS, { type: 'text/css; charset=utf-8', maxAgeSeconds: 300 }));
  router.get('/door/door.js', pageScriptHandler('door page', buildDoor, options));
  return router;
}
