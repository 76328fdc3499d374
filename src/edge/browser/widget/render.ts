import { h, sr } from './dom';
import { audienceText, dayText, programSchedule, spotsText, whenText } from './format';
import type { FeedEvent } from './types';
import { webLinkAsStored } from '../../../domain/web-url';

const STATUS: Record<string, string> = { CANCELLED: 'Cancelled', POSTPONED: 'Postponed', RESCHEDULED: 'Rescheduled', MOVED_ONLINE: 'Moved online' };

export interface RenderedEvent {
  event: FeedEvent;
  /** The occurrence's own element: a single event's card, or one date row of a program's card; the register form goes in it. */
  article: HTMLElement;
  /** Where "N spots left" is written; live updates rewrite it (aria-live announces the change politely). */
  spots: HTMLElement;
  actions: HTMLElement;
  /** What its buttons are for, for screen readers: the title, and the date on a program's row. */
  label: string;
}

/** One card: a single event, or a recurring program with its next dates. */
export interface RenderedCard {
  article: HTMLElement;
  occurrences: RenderedEvent[];
}

let counter = 0;

/** Seats and actions of one occurrence: external Register link and Add to calendar. */
function occurrenceParts(e: FeedEvent, label: string): { spots: HTMLElement; actions: HTMLElement } {
  const x = e._community_graph;
  const reg = x.registration;
  // Links only to web pages, whatever the feed says: the feed may come from an older server.
  const register = webLinkAsStored(reg.url);
  const actions = h('p', { class: 'ac' });
  if (reg.mode === 'EXTERNAL' && register) {
    actions.append(h('a', { href: register, target: '_blank', rel: 'noopener' }, 'Register', sr(' for ' + label + ' (opens ' + x.partner.name + ' site)')));
  }
  actions.append(h('a', { href: x.ics_url, download: true }, 'Add to calendar', sr(': ' + label)));
  return { spots: h('p', { class: 'sp', 'aria-live': 'polite' }, spotsText(reg)), actions };
}

/** The title (a link to the partner's page when there is one), after the status of a changed event. */
function heading(id: string, e: FeedEvent, status?: string): HTMLElement {
  const page = webLinkAsStored(e.url);
  return h('h3', { id }, status ? h('span', { class: 'st' }, status + ': ') : null, page ? h('a', { href: page, target: '_blank', rel: 'noopener' }, e.title) : e.title);
}

/** Place, then who runs it (only when that is not the place itself) and who it is for. */
function aboutLines(e: FeedEvent): HTMLElement[] {
  const x = e._community_graph;
  const organizer = x.place && x.place.split(',')[0].trim() === x.partner.name ? '' : x.partner.name;
  const audiences = x.audiences.length ? 'For: ' + audienceText(x.audiences) : '';
  const who = [organizer, audiences].filter(Boolean).join(' · ');
  return [x.place ? h('p', { class: 'mu' }, x.place) : null, who ? h('p', { class: 'mu' }, who) : null].filter((n): n is HTMLElement => n !== null);
}

export function renderEvent(e: FeedEvent): RenderedCard {
  const id = 'cg' + ++counter;
  const { spots, actions } = occurrenceParts(e, e.title);
  const article = h('article', { 'aria-labelledby': id },
    heading(id, e, STATUS[e._community_graph.status]),
    h('p', {}, h('time', { datetime: e._community_graph.local_start }, whenText(e))),
    ...aboutLines(e),
    spots,
    actions);
  return { article, occurrences: [{ event: e, article, spots, actions, label: e.title }] };
}

/** A recurring program as one card: when it meets, then each of its next dates with its own seats and actions. */
export function renderProgram(dates: FeedEvent[]): RenderedCard {
  if (dates.length === 1) return renderEvent(dates[0]);
  const first = dates[0];
  const id = 'cg' + ++counter;
  const schedule = programSchedule(dates);
  const occurrences = dates.map((e): RenderedEvent => {
    const x = e._community_graph;
    const status = STATUS[x.status];
    const when = schedule && schedule.fits(e) ? dayText(x) : whenText(e);
    // An occurrence with a title of its own (a tournament in a club's series) says so.
    const retitled = e.title !== first.title ? h('span', {}, ' · ' + e.title) : null;
    const label = e.title + ', ' + when;
    const { spots, actions } = occurrenceParts(e, label);
    const row = h('li', {}, h('p', {}, status ? h('span', { class: 'st' }, status + ': ') : null, h('time', { datetime: x.local_start }, when), retitled), spots, actions);
    return { event: e, article: row, spots, actions, label };
  });
  const article = h('article', { 'aria-labelledby': id },
    heading(id, first),
    schedule ? h('p', {}, schedule.text) : null,
    ...aboutLines(first),
    h('ul', { class: 'dt', 'aria-label': 'Next dates of ' + first.title }, ...occurrences.map((o) => o.article)));
  return { article, occurrences };
}

/** Cards in feed order: the occurrences of one series (series_id) join the card of its first one. */
export function groupBySeries(items: FeedEvent[]): FeedEvent[][] {
  const groups: FeedEvent[][] = [];
  const bySeries = new Map<string, FeedEvent[]>();
  for (const item of items) {
    const series = item._community_graph.series_id;
    const group = series ? bySeries.get(series) : undefined;
    if (group) group.push(item);
    else {
      const fresh = [item];
      groups.push(fresh);
      if (series) bySeries.set(series, fresh);
    }
  }
  return groups;
}

export function renderList(title: string, cards: RenderedCard[]): HTMLElement[] {
  const heading = h('h2', { id: 'cg-h' }, title);
  if (!cards.length) return [heading, h('p', {}, 'No upcoming events right now. Please check back soon.')];
  return [heading, h('ul', { 'aria-labelledby': 'cg-h' }, ...cards.map((c) => h('li', {}, c.article)))];
}

/** What went wrong, said to the visitor; then, quieter, what the site's owner needs to fix it. */
export function renderMessage(title: string, message: string, forOwner: string): HTMLElement[] {
  return [h('h2', { id: 'cg-h' }, title), h('p', { role: 'alert' }, message), h('p', { class: 'mu ow' }, 'For the site\'s owner: ' + forOwner)];
}
