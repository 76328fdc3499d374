import { htmlEscape } from '../../domain/html-escape';
import type { FeedItem } from './event-feed.service';
import { ICS_REFRESH_SECONDS, icsUid } from './icalendar.render';
import { eventPageUrl, placeText, spotsText, statusLabel, whenText } from './event-display';
import type { FeedMeta } from './json-feed.render';

/** XML text and attribute escaping, dropping the characters XML 1.0 forbids first. */
export function xmlEscape(text: string): string {
  // eslint-disable-next-line no-control-regex
  return htmlEscape(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

const element = (name: string, value: string | null | undefined, attributes = ''): string =>
  value == null || value === '' ? '' : `<${name}${attributes}>${xmlEscape(value)}</${name}>`;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification). Items are upcoming events, so the "when" goes
 * in front of the description; pubDate is when the event was published (RFC 822 dates, as the spec
 * requires), guid is the stable iCalendar UID, and atom:link rel="self" is the RSS Advisory Board's
 * recommendation.
 */
export function renderRss(items: FeedItem[], meta: FeedMeta): string {
  const lastChange = items.reduce((max, i) => Math.max(max, i.event.updatedAt.getTime()), 0);
  const entries = items.map((item) => {
    const e = item.event;
    const status = statusLabel(e.status);
    const description = [status ? `${status.toUpperCase()}.` : null, whenText(item), placeText(item), spotsText(item), e.description]
      .filter(Boolean).join('\n');
    return [
      '<item>',
      element('title', status ? `${status}: ${e.title}` : e.title),
      element('link', eventPageUrl(item) ?? item.registration.url ?? meta.icsUrlOf(item)),
      element('description', description),
      element('guid', icsUid(item), ' isPermaLink="false"'),
      element('pubDate', e.createdAt.toUTCString()),
      ...e.categories.map((c) => element('category', c)),
      element('source', meta.title, ` url="${xmlEscape(meta.feedUrl)}"`),
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', meta.title),
    element('link', meta.homePageUrl),
    element('description', meta.description),
    element('language', 'en'),
    `<atom:link href="${xmlEscape(meta.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    lastChange ? element('lastBuildDate', new Date(lastChange).toUTCString()) : '',
    element('generator', 'Community Graph'),
    element('ttl', String(ICS_REFRESH_SECONDS / 60)),
    ...entries,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
