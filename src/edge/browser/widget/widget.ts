import { h } from './dom';
import './features';
import { cardsWanted, feedParams } from './filter';
import { spotsText } from './format';
import { subscribeCounts } from './live';
import { createManageView } from './manage-view';
import { attachRegisterForm } from './register-form';
import { groupBySeries, renderList, renderMessage, renderProgram } from './render';
import { STYLES } from './styles';
import type { Feed } from './types';

/**
 * Community Graph events widget. Paste
 *   <script src="https://HOST/widget.js" data-partner="slug" data-audience="KIDS" data-limit="10" async></script>
 * and the events render right after the script tag (or into data-target), inside a Shadow DOM.
 */
function mount(script: HTMLScriptElement): void {
  if (script.hasAttribute('data-cg-mounted')) return;
  script.setAttribute('data-cg-mounted', '');
  const base = script.src.replace(/\/widget\.js(\?.*)?$/, '');
  const data = script.dataset;
  const title = data.title || 'Upcoming events';
  const host = h('div', { class: 'community-graph-events' });
  let target: Element | null = null;
  try {
    target = data.target ? document.querySelector(data.target) : null;
  } catch {
    target = null;
  }
  if (target) target.append(host);
  else script.after(host);
  const root = host.attachShadow({ mode: 'open' });
  // A named section is a region landmark: screen-reader users can jump to the events.
  const section = h('section', { 'aria-busy': 'true', 'aria-label': title }, h('p', {}, 'Loading events…'));
  const style = h('style', {}, STYLES);
  root.append(style, section);
  const show = (nodes: HTMLElement[]) => {
    section.replaceChildren(...nodes);
    section.removeAttribute('aria-busy');
  };

  fetch(base + '/feeds/events.json?' + feedParams(data), { headers: { accept: 'application/feed+json' } })
    .then((res) => (res.ok
      ? res.json().then((feed: Feed) => {
        const cards = groupBySeries(feed.items).slice(0, cardsWanted(data)).map(renderProgram);
        const events = cards.flatMap((c) => c.occurrences);
        show(renderList(title, cards));
        if (__CG_REGISTRATIONS__) {
          const graphqlUrl = base + '/graphql';
          // Codes exist only for NATIVE events: a list without one has nothing to manage.
          if (events.some((r) => r.event._community_graph.registration.mode === 'NATIVE')) {
            const manage = createManageView(graphqlUrl);
            section.append(...manage.nodes);
            events.forEach((r) => attachRegisterForm(r, graphqlUrl, manage.open));
            openLinkedCode(manage.open);
          }
          const byId = new Map(events.filter((r) => r.event._community_graph.registration.mode !== 'NONE').map((r) => [r.event.id, r]));
          if (byId.size) {
            subscribeCounts(graphqlUrl, [...byId.keys()], (c) => {
              const r = byId.get(c.eventId);
              if (!r) return;
              const reg = r.event._community_graph.registration;
              reg.confirmed = c.confirmed;
              reg.waitlisted = c.waitlisted;
              reg.remaining = c.remaining;
              r.spots.textContent = spotsText(reg);
            });
          }
        }
      })
      // A 400 carries a plain-language reason (unknown partner, bad filter value): show it, never a blank box.
      : res.text().then((text) => show(renderMessage(title, 'Events can\'t be shown here right now.', text.trim())))))
    // A network failure, or a CORS refusal (this site is not among the partner's allowed origins).
    .catch(() => show(renderMessage(title, 'Events can\'t be loaded right now. Please try again later.',
      'no answer from ' + base + '. The server may be unreachable, or this site is not among the partner\'s allowed origins.')));
}

/**
 * The "see or cancel" link of a confirmation email is the event's page with `#cg-code=<code>`: the
 * manage view opens with that code, and the code leaves the address bar (and the history entry) at
 * once. A fragment never reaches any server's logs.
 */
function openLinkedCode(open: (code: string) => void): void {
  const linked = /(?:^#|&)cg-code=([A-Za-z0-9_-]{32})(?:&|$)/.exec(location.hash);
  if (!linked) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  open(linked[1]);
}

const current = document.currentScript as HTMLScriptElement | null;
if (current && current.src) mount(current);
// No currentScript (e.g. some tag managers): mount every snippet of ours not mounted yet.
else document.querySelectorAll<HTMLScriptElement>('script[src$="/widget.js"]:not([data-cg-mounted])').forEach(mount);
