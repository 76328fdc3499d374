import { el } from '../dashboard/overview-view';
import { checkedInText, Counts, DoorEvent, matches, Party, partyText } from './model';

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

/** A confirmed party's row state: the button's aria-pressed and the words beside it agree. */
export function showAttended(row: HTMLElement, attended: boolean): void {
  row.classList.toggle('in', attended);
  row.querySelector('.state')!.textContent = attended ? 'Checked in' : 'Not checked in';
  row.querySelector('button')!.setAttribute('aria-pressed', String(attended));
}

function confirmedRow(p: Party): HTMLElement {
  const row = el('li', null, { 'data-id': p.id });
  // The visible word is "Check in" on every row; the name makes each button's accessible name unique.
  row.append(el('span', p.name, { class: 'name' }), el('span', partyText(p.partySize), { class: 'party' }), el('span', null, { class: 'state' }),
    el('button', 'Check in', { type: 'button', 'aria-label': `Check in ${p.name ?? 'this party'}` }));
  showAttended(row, p.attended);
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
  $('confirmed').replaceChildren(...lists.confirmed.map(confirmedRow));
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
