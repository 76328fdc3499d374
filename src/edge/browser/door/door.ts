import { GraphQLResponse, post } from '../dashboard/transport';
import { DOOR_CHECK_IN, DOOR_EVENT, DOOR_HEAD_COUNT, DOOR_WALK_INS } from './operations';
import { Attendance, Counts, DoorEvent, isDropIn, listsOf, Party, PartyCountEntry, partyText, peopleIn, refusalText, stateText } from './model';
import { filterLists, renderCounts, renderLists, showAttended, someOfThemOf, when } from './door-view';
import { clearCountForms, renderAttendance, renderCountForms } from './attendance-view';
import type { CountsFieldset } from './counts-form';

const GRAPHQL = location.origin + '/graphql';
const EVENT_ID = new URLSearchParams(location.search).get('event') ?? '';
const $ = (id: string) => document.getElementById(id)!;

/** The partner key: in this variable only, never in storage. */
let key: string | null = null;
/** The open event's counts forms (none before the key). */
let forms: { walkIns: CountsFieldset; head: CountsFieldset } | null = null;
/** Rows (and forms) whose change is on its way: a second press waits for the first answer instead of racing it. */
const pending = new Set<string>();

function alertWith(text: string): void {
  $('alert').textContent = text;
}

/** The server's refusal of a change, in words; nothing on the page changes with it. */
const notChanged = (answer: GraphQLResponse<unknown>) => alertWith('Not changed: ' + (answer.errors ? answer.errors[0].message : 'no answer from the server') + '.');
const unreachable = (error: Error) => alertWith('Not changed: the server could not be reached (' + (error && error.message) + ').');

/** Back to the key form with nothing personal left on the page. */
function close(): void {
  key = null;
  forms = null;
  $('door').hidden = true;
  for (const id of ['confirmed', 'waitlisted', 'status']) $(id).replaceChildren();
  clearCountForms();
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
  renderAttendance(event.attendance);
  renderLists(event, listsOf(event.registrations));
  filterLists('');
  forms = renderCountForms(event);
  $('key-form').hidden = true;
  $('door').hidden = false;
  // Where typing goes next: a name to find, or, at a drop-in, the first number of the head count.
  if (isDropIn(event)) forms.head.focus();
  else $('search').focus();
}

/** Sends one change once at a time per `id`; the page changes only with the server's answer. */
async function once(id: string, change: () => Promise<void>): Promise<void> {
  if (pending.has(id)) return;
  pending.add(id);
  try {
    await change();
  } finally {
    pending.delete(id);
  }
}

type CheckedIn = Pick<Party, 'attended' | 'partySize' | 'attendedParty'> & { event: { registration: Counts; attendance: Pick<Attendance, 'walkIns' | 'total'> } };

/** Checks a party in (whole, or only `party`) or out again, and shows the answer. */
function checkIn(row: HTMLElement, attended: boolean, party?: PartyCountEntry[]): Promise<void> {
  const id = row.dataset.id!;
  return once(id, async () => {
    const answer = await post<{ checkIn: CheckedIn }>(GRAPHQL, DOOR_CHECK_IN, { id, attended, party }, key);
    if (!answer.data || !answer.data.checkIn) return notChanged(answer);
    alertWith('');
    const done = answer.data.checkIn;
    showAttended(row, done);
    renderCounts(done.event.registration);
    renderAttendance(done.event.attendance);
    const name = row.querySelector('.name')!.textContent;
    const size = row.querySelector('.party')!.textContent;
    const state = stateText(done);
    const what = !done.attended ? ' no longer checked in' : state === 'Checked in' ? ' checked in' : `: ${state}`;
    $('status').textContent = `${name} (${size})${what}. ${done.event.registration.attended} of ${done.event.registration.confirmed} people checked in.`;
  });
}

/** "Some of them": who of the party came, checked in the party's row. */
function checkInSome(form: HTMLFormElement): Promise<void> {
  const row = form.closest('li') as HTMLElement;
  const read = someOfThemOf(row.dataset.id!)!.read();
  if ('problem' in read) return Promise.resolve(alertWith(read.problem));
  const size = Number(row.dataset.size);
  const came = peopleIn(read.counts);
  if (came < 1) return Promise.resolve(alertWith('Enter who of the party came (at least one person), or press Check in for the whole party.'));
  if (came > size) return Promise.resolve(alertWith(`That is ${came} people, but the party is ${partyText(size)}.`));
  return checkIn(row, true, read.counts);
}

function addWalkIns(): Promise<void> {
  const read = forms!.walkIns.read();
  if ('problem' in read) return Promise.resolve(alertWith(read.problem));
  if (peopleIn(read.counts) < 1) return Promise.resolve(alertWith('Enter how many people came without registering (at least one).'));
  return once('walk-ins', async () => {
    const answer = await post<{ addWalkIns: Attendance }>(GRAPHQL, DOOR_WALK_INS, { id: EVENT_ID, party: read.counts }, key);
    if (!answer.data || !answer.data.addWalkIns) return notChanged(answer);
    alertWith('');
    const a = answer.data.addWalkIns;
    renderAttendance(a);
    // Blank again, so the next group is not added twice by a second press.
    forms!.walkIns.fill(null);
    $('status').textContent = `${partyText(peopleIn(read.counts))} added as walk-ins. ${a.walkIns} walk-ins, ${a.total} people came in all.`;
  });
}

function saveHeadCount(): Promise<void> {
  const read = forms!.head.read();
  if ('problem' in read) return Promise.resolve(alertWith(read.problem));
  return once('head-count', async () => {
    const answer = await post<{ setHeadCount: Attendance }>(GRAPHQL, DOOR_HEAD_COUNT, { id: EVENT_ID, party: read.counts }, key);
    if (!answer.data || !answer.data.setHeadCount) return notChanged(answer);
    alertWith('');
    const a = answer.data.setHeadCount;
    renderAttendance(a);
    forms!.head.fill(a.headCountByCategory);
    $('status').textContent = `Head count saved: ${partyText(a.headCount)}. ${a.total} people came in all.`;
  });
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
  const button = (ev.target as HTMLElement).closest('button.toggle');
  if (!button) return;
  checkIn(button.closest('li') as HTMLElement, button.getAttribute('aria-pressed') !== 'true').catch(unreachable);
});
$('confirmed').addEventListener('submit', (ev) => {
  ev.preventDefault();
  checkInSome(ev.target as HTMLFormElement).catch(unreachable);
});
$('walk-in-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  addWalkIns().catch(unreachable);
});
$('head-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  saveHeadCount().catch(unreachable);
});
$('forget').addEventListener('click', () => {
  close();
  alertWith('');
  $('key').focus();
});
