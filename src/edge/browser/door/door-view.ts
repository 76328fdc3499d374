import { el } from '../dashboard/overview-view';
import { countsFieldset, CountsFieldset } from './counts-form';
import { checkedInText, Counts, DoorEvent, matches, Party, partyText, someOfThemFields, stateText } from './model';

const $ = (id: string) => document.getElementById(id)!;

export const when = (e: DoorEvent) => new Intl.DateTimeFormat(undefined, {
  weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit',
  timeZone: e.timezone ?? undefined, timeZoneName: 'short',
}).format(new Date(e.startsAt));

export function renderCounts(c: Counts): void {
  $('c-checked-in').textContent = checkedInText(c);
  $('c-waitlisted').textContent = String(c.waitlisted);
  $('c-held').textContent = String(c.held);
}

/** Each party's "Some of them" numbers, by registration id (parties of one have none). */
const someForms = new Map<string, CountsFieldset>();
export const someOfThemOf = (id: string): CountsFieldset | undefined => someForms.get(id);

/** A confirmed party's row state: the button's aria-pressed and the words beside it agree. */
export function showAttended(row: HTMLElement, p: Pick<Party, 'attended' | 'partySize' | 'attendedParty'>): void {
  row.classList.toggle('in', p.attended);
  row.querySelector('.state')!.textContent = stateText(p);
  row.querySelector('button.toggle')!.setAttribute('aria-pressed', String(p.attended));
  someForms.get(row.dataset.id!)?.fill(p.attended ? p.attendedParty : null);
}

/**
 * "Some of them": behind a disclosure, so the one-press Check in stays the row's first stop; the
 * numbers say who of the party came and its own button sends them.
 */
function someOfThem(p: Party, e: DoorEvent): HTMLElement {
  const who = p.name ?? 'this party';
  const numbers = countsFieldset(`Who of ${who}'s party came`, someOfThemFields(p, e.registration.partyCategories), `some-${p.id}`);
  someForms.set(p.id, numbers);
  // novalidate: the page says what is wrong in its alert line, in words, rather than the browser's bubble.
  const form = el('form', null, { class: 'some-form', novalidate: '' });
  form.append(numbers.element, el('button', 'Check these in', { type: 'submit', 'aria-label': `Check these in: ${who}'s party` }));
  const details = el('details', null, { class: 'some' });
  details.append(el('summary', 'Some of them'), form);
  return details;
}

function confirmedRow(p: Party, e: DoorEvent): HTMLElement {
  const row = el('li', null, { 'data-id': p.id, 'data-size': String(p.partySize) });
  // The visible word is "Check in" on every row; the name makes each button's accessible name unique.
  row.append(el('span', p.name, { class: 'name' }), el('span', partyText(p.partySize), { class: 'party' }), el('span', null, { class: 'state' }),
    el('button', 'Check in', { type: 'button', class: 'toggle', 'aria-label': `Check in ${p.name ?? 'this party'}` }));
  if (p.partySize > 1) row.append(someOfThem(p, e));
  showAttended(row, p);
  return row;
}

function waitlistedRow(p: Party, e: DoorEvent): HTMLElement {
  const row = el('li', null, { 'data-id': p.id });
  row.append(el('span', p.name, { class: 'name' }), el('span', partyText(p.partySize), { class: 'party' }));
  if (p.invitedUntil) {
    const until = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: e.timezone ?? undefined }).format(new Date(p.invitedUntil));
    row.append(el('span', `invited until ${until}`, { class: 'state' }));
  }
  return row;
}

export function renderLists(e: DoorEvent, lists: { confirmed: Party[]; waitlisted: Party[] }): void {
  someForms.clear();
  $('confirmed').replaceChildren(...lists.confirmed.map((p) => confirmedRow(p, e)));
  $('waitlisted').replaceChildren(...lists.waitlisted.map((p) => waitlistedRow(p, e)));
}

/** Hides the rows whose name does not match, and says so when a list has none left. */
export function filterLists(typed: string): void {
  for (const [list, empty] of [['confirmed', 'No one confirmed'], ['waitlisted', 'No one waitlisted']]) {
    const rows = Array.from($(list).children) as HTMLElement[];
    let shown = 0;
    for (const row of rows) {
      row.hidden = !matches(row.querySelector('.name')!.textContent, typed);
      if (!row.hidden) shown += 1;
    }
    const none = $(list + '-none');
    none.hidden = shown > 0;
    none.textContent = typed.trim() ? `${empty} matches “${typed.trim()}”.` : `${empty}.`;
  }
}
