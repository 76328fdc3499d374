import { post } from '../dashboard/transport';
import { DOOR_CHECK_IN, DOOR_EVENT } from './operations';
import { Counts, DoorEvent, listsOf, refusalText } from './model';
import { filterLists, renderCounts, renderLists, showAttended, when } from './door-view';

const GRAPHQL = location.origin + '/graphql';
const EVENT_ID = new URLSearchParams(location.search).get('event') ?? '';
const $ = (id: string) => document.getElementById(id)!;

/** The partner key: in this variable only, never in storage. */
let key: string | null = null;
/** Rows whose check-in is on its way: a second press waits for the first answer instead of racing it. */
const pending = new Set<string>();

function alertWith(text: string): void {
  $('alert').textContent = text;
}

/** Back to the key form with nothing personal left on the page. */
function close(): void {
  key = null;
  $('door').hidden = true;
  for (const id of ['confirmed', 'waitlisted', 'status']) $(id).replaceChildren();
  ($('search') as HTMLInputElement).value = '';
  $('heading').textContent = 'Check-in at the door';
  $('when').textContent = '';
  $('key-form').hidden = false;
}

async function open(): Promise<void> {
  const answer = await post<{ event: DoorEvent | null }>(GRAPHQL, DOOR_EVENT, { id: EVENT_ID }, key);
  // Any error means the key did not open the list (the title alone would come back with a FORBIDDEN).
  if (answer.errors && answer.errors.length) {
    close();
    alertWith(refusalText(answer.errors[0]));
    ($('key') as HTMLInputElement).focus();
    return;
  }
  const event = answer.data && answer.data.event;
  if (!event || !event.registrations) {
    close();
    alertWith('No event has the id in this page\'s address. Open the door page from the event\'s link again.');
    return;
  }
  alertWith('');
  $('heading').textContent = event.title;
  $('when').textContent = when(event);
  renderCounts(event.registration);
  renderLists(event, listsOf(event.registrations));
  filterLists('');
  $('key-form').hidden = true;
  $('door').hidden = false;
  $('search').focus();
}

async function toggle(row: HTMLElement): Promise<void> {
  const id = row.dataset.id!;
  if (pending.has(id)) return;
  pending.add(id);
  const attended = row.querySelector('button')!.getAttribute('aria-pressed') !== 'true';
  try {
    const answer = await post<{ checkIn: { attended: boolean; event: { registration: Counts } } }>(GRAPHQL, DOOR_CHECK_IN, { id, attended }, key);
    if (!answer.data || !answer.data.checkIn) {
      alertWith('Not changed: ' + (answer.errors ? answer.errors[0].message : 'no answer from the server') + '.');
      return;
    }
    alertWith('');
    const done = answer.data.checkIn;
    showAttended(row, done.attended);
    renderCounts(done.event.registration);
    const name = row.querySelector('.name')!.textContent;
    const size = row.querySelector('.party')!.textContent;
    $('status').textContent = `${name} (${size}) ${done.attended ? 'checked in' : 'no longer checked in'}. `
      + `${done.event.registration.attended} of ${done.event.registration.confirmed} people checked in.`;
  } finally {
    pending.delete(id);
  }
}

$('key-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = $('key') as HTMLInputElement;
  key = input.value.trim().replace(/^Bearer\s+/i, '') || null;
  input.value = '';
  if (!key) return;
  open().catch((error) => {
    close();
    alertWith('The server could not be reached (' + (error && error.message) + '). Check the connection and enter the key again.');
  });
});
$('search').addEventListener('input', () => filterLists(($('search') as HTMLInputElement).value));
// One listener for every row's button; a native <button> already turns Enter and Space into a click.
$('confirmed').addEventListener('click', (ev) => {
  const button = (ev.target as HTMLElement).closest('button');
  if (!button) return;
  toggle(button.closest('li') as HTMLElement).catch((error) => alertWith('Not changed: the server could not be reached (' + (error && error.message) + ').'));
});
$('forget').addEventListener('click', () => {
  close();
  alertWith('');
  $('key').focus();
});
