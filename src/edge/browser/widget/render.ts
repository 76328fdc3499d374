import { h, sr } from './dom';
import { audienceText, spotsText, whenText } from './format';
import type { FeedEvent } from './types';
import { webLinkAsStored } from '../../../domain/web-url';

const STATUS: Record<string, string> = { CANCELLED: 'Cancelled', POSTPONED: 'Postponed', RESCHEDULED: 'Rescheduled', MOVED_ONLINE: 'Moved online' };

export interface RenderedEvent {
  event: FeedEvent;
  article: HTMLElement;
  /** Where "N spots left" is written; live updates rewrite it (aria-live announces the change politely). */
  spots: HTMLElement;
  actions: HTMLElement;
}

let counter = 0;

export function renderEvent(e: FeedEvent): RenderedEvent {
  const x = e._community_graph;
  const id = 'cg' + ++counter;
  const status = STATUS[x.status];
  const reg = x.registration;
  // Links only to web pages, whatever the feed says: the feed may come from an older server.
  const register = webLinkAsStored(reg.url);
  const page = webLinkAsStored(e.url);
  const actions = h('p', { class: 'ac' });
  if (reg.mode === 'EXTERNAL' && register) {
    actions.append(h('a', { href: register, target: '_blank', rel: 'noopener' }, 'Register', sr(' for ' + e.title + ' (opens ' + x.partner.name + ' site)')));
  }
  actions.append(h('a', { href: x.ics_url, download: true }, 'Add to calendar', sr(': ' + e.title)));
  const spots = h('p', { class: 'sp', 'aria-live': 'polite' }, spotsText(reg));
  const article = h('article', { 'aria-labelledby': id },
    h('h3', { id }, status ? h('span', { class: 'st' }, status + ': ') : null, page ? h('a', { href: page, target: '_blank', rel: 'noopener' }, e.title) : e.title),
    h('p', {}, h('time', { datetime: x.local_start }, whenText(e))),
    x.place ? h('p', { class: 'mu' }, x.place) : null,
    h('p', { class: 'mu' }, x.partner.name + (x.audiences.length ? ' · For: ' + audienceText(x.audiences) : '')),
    spots,
    actions);
  return { event: e, article, spots, actions };
}

export function renderList(title: string, events: RenderedEvent[]): HTMLElement[] {
  const heading = h('h2', { id: 'cg-h' }, title);
  if (!events.length) return [heading, h('p', {}, 'No upcoming events match.')];
  return [heading, h('ul', { 'aria-labelledby': 'cg-h' }, ...events.map((r) => h('li', {}, r.article)))];
}

export function renderMessage(title: string, message: string): HTMLElement[] {
  return [h('h2', { id: 'cg-h' }, title), h('p', { role: 'alert' }, message)];
}
