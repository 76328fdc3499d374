import { createHash } from 'node:crypto';
import type { FeedItem } from './event-feed.service';
import { audienceLabel, externalRegistrationUrl, isoStart, placeText, spotsText, statusLabel, whenText } from './event-display';
import { eventJsonLd, scriptSafeJson } from './schema-org';
import { htmlEscape } from '../../domain/html-escape';


export interface EmbedPageMeta {
  heading: string;
  pageUrl: string;
  icsUrlOf: (item: FeedItem) => string;
  calendarUrl: string;
}

// System colours follow prefers-color-scheme; focus is always visible (WCAG 2.4.7).
const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--line:#ddd;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616;--muted:#bbb;--line:#444;--accent:#8ab8ff}}
body{margin:0;font:16px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{padding:1rem;max-width:48rem}
h1{font-size:1.3rem;margin:0 0 .75rem}
ul.events{list-style:none;margin:0;padding:0}
li.event{border-top:1px solid var(--line);padding:.75rem 0}
h2{font-size:1.1rem;margin:0 0 .25rem}
p{margin:.15rem 0}
.meta{color:var(--muted)}
.status{font-weight:700;color:#b00020}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.actions a{margin-right:1rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/**
 * CSP source for the one inline <style>: a hash, not a nonce, so the page stays byte-identical for
 * its ETag, and a 304 (whose headers replace the cached ones) can never pair a new nonce with an old body.
 */
export const STYLE_HASH_SOURCE = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

function eventHtml(item: FeedItem, meta: EmbedPageMeta): string {
  const e = item.event;
  const headingId = `event-${htmlEscape(item.globalId)}`;
  const status = statusLabel(e.status);
  const place = placeText(item);
  const spots = spotsText(item);
  const register = externalRegistrationUrl(item);
  const lines = [
    `<h2 id="${headingId}">${status ? `<span class="status">${htmlEscape(status)}:</span> ` : ''}${htmlEscape(e.title)}</h2>`,
    `<p><time datetime="${htmlEscape(isoStart(item))}">${htmlEscape(whenText(item))}</time></p>`,
    place ? `<p class="meta">${htmlEscape(place)}</p>` : '',
    `<p class="meta">${htmlEscape(item.partner.name)}${e.audiences.length ? ` · For: ${htmlEscape(e.audiences.map(audienceLabel).join(', '))}` : ''}</p>`,
    spots ? `<p class="spots" data-event-id="${htmlEscape(item.globalId)}">${htmlEscape(spots)}</p>` : '',
    e.description ? `<p>${htmlEscape(e.description)}</p>` : '',
    '<p class="actions">',
    register ? `<a href="${htmlEscape(register)}" target="_blank" rel="noopener">Register for ${htmlEscape(e.title)} (on ${htmlEscape(item.partner.name)} site)</a>` : '',
    `<a href="${htmlEscape(meta.icsUrlOf(item))}" download>Add to calendar<span class="sr"> ${htmlEscape(e.title)}</span></a>`,
    '</p>',
    `<script type="application/ld+json">${scriptSafeJson(eventJsonLd(item, meta.pageUrl))}</script>`,
  ];
  return `<li class="event"><article aria-labelledby="${headingId}">${lines.filter(Boolean).join('')}</article></li>`;
}

/**
 * The iframe variant of the widget: complete without JavaScript (the page carries no script at all,
 * only JSON-LD data blocks, which browsers do not execute and CSP does not govern).
 */
export function renderEmbedPage(items: FeedItem[], meta: EmbedPageMeta): string {
  const list = items.length
    ? `<ul class="events">${items.map((item) => eventHtml(item, meta)).join('')}</ul>`
    : '<p>No upcoming events match.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(meta.heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${htmlEscape(meta.heading)}</h1>
${list}
<p class="meta"><a href="${htmlEscape(meta.calendarUrl)}">Subscribe to these events (iCalendar)</a></p>
</main>
</body>
</html>
`;
}

export function renderEmbedError(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Events unavailable</title><style>${STYLE}</style></head>
<body><main><h1>Events unavailable</h1><p role="alert">${htmlEscape(message)}</p></main></body></html>
`;
}
