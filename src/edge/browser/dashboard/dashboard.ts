import { DASHBOARD_COUNTS, DASHBOARD_EVENTS, DASHBOARD_PARTNER, DASHBOARD_REGISTRANTS } from './operations';
import { Live, post, subscribe } from './transport';

/** Chart.js 4, loaded by the page from our own copy of its UMD build (/dashboard/chart.umd.js). */
declare const Chart: any;

interface Reg { mode: string; capacity: number | null; confirmed: number; waitlisted: number; waitlistCapacity: number; remaining: number | null }
interface Ev { id: string; title: string; startsAt: string; timezone: string; organizer: { name: string }; registration: Reg }
interface Counts { eventId: string; capacity: number | null; confirmed: number; waitlisted: number; remaining: number | null; changedAt: string }
interface Registrant { name: string | null; status: string; partySize: number; createdAt: string }

const MAX_EVENTS = 30;
const GRAPHQL = location.origin + '/graphql';
const $ = (id: string) => document.getElementById(id)!;

function el(tag: string, text?: string | null, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const when = (e: Ev) => new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: e.timezone, timeZoneName: 'short' }).format(new Date(e.startsAt));
const label = (e: Ev) => (e.title.length > 40 ? e.title.slice(0, 39) + '…' : e.title) + ' · ' + new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: e.timezone }).format(new Date(e.startsAt));
const people = (events: Ev[]) => events.reduce((sum, e) => sum + e.registration.confirmed + e.registration.waitlisted, 0);

function say(text: string, alert = false): void {
  const status = $('status');
  status.setAttribute('role', alert ? 'alert' : 'status');
  status.textContent = text;
}

let events: Ev[] = [];
let key: string | null = null;
let live: Live | null = null;
let seats: any;
let timeline: any;
const history: Array<{ x: number; y: number }> = [];
const registrants = new Map<string, Registrant[]>();

/**
 * With the key, the line starts at the first registration instead of at page load: every active
 * registration at its own time (cancelled ones are left out, so the line ends at today's total).
 */
function historyFromRegistrants(): void {
  const active = [...registrants.values()].flat().filter((r) => r.status !== 'CANCELLED')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let total = 0;
  history.length = 0;
  for (const r of active) history.push({ x: Date.parse(r.createdAt), y: (total += r.partySize) });
  if (!history.length) history.push({ x: Date.now(), y: 0 });
  $('time-note').textContent = 'People registered (confirmed and waitlisted) across the events above, by time of registration (staff view).';
  timeline.update();
}

function renderTable(): void {
  const body = $('seats-body');
  body.replaceChildren(...events.map((e) => {
    const r = e.registration;
    const row = el('tr', null, { 'data-event-id': e.id });
    row.append(el('th', e.title, { scope: 'row' }), el('td', when(e)), el('td', r.capacity == null ? 'no limit' : String(r.capacity)),
      el('td', String(r.confirmed)), el('td', String(r.waitlisted)), el('td', r.remaining == null ? '—' : String(r.remaining)));
    return row;
  }));
}

function drawCharts(): void {
  const seatsData = {
    labels: events.map(label),
    datasets: [
      { label: 'Capacity', data: events.map((e) => e.registration.capacity ?? 0), backgroundColor: '#9aa5b1' },
      { label: 'Confirmed', data: events.map((e) => e.registration.confirmed), backgroundColor: '#1d6fb8' },
      { label: 'Waitlisted', data: events.map((e) => e.registration.waitlisted), backgroundColor: '#c2571a' },
    ],
  };
  ($('seats-box') as HTMLElement).style.height = 60 + events.length * 44 + 'px';
  seats = new Chart($('seats-chart'), {
    type: 'bar', data: seatsData,
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: { duration: 300 }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  timeline = new Chart($('time-chart'), {
    type: 'line',
    data: { datasets: [{ label: 'People registered (confirmed + waitlisted)', data: history, borderColor: '#1d6fb8', stepped: true, pointRadius: 2 }] },
    options: {
      maintainAspectRatio: false, animation: false, parsing: false,
      scales: {
        x: { type: 'linear', ticks: { callback: (v: number) => new Date(v).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }) } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}

function onCounts(c: Counts): void {
  const i = events.findIndex((e) => e.id === c.eventId);
  if (i < 0) return;
  const e = events[i];
  Object.assign(e.registration, { capacity: c.capacity, confirmed: c.confirmed, waitlisted: c.waitlisted, remaining: c.remaining });
  seats.data.datasets[0].data[i] = c.capacity ?? 0;
  seats.data.datasets[1].data[i] = c.confirmed;
  seats.data.datasets[2].data[i] = c.waitlisted;
  seats.update();
  history.push({ x: Date.parse(c.changedAt), y: people(events) });
  timeline.update();
  renderTable();
  say(`${e.title}: ${c.confirmed} confirmed, ${c.waitlisted} waitlisted` + (c.remaining == null ? '.' : `, ${c.remaining} seats left.`));
  if (key) void loadRegistrants([e]);
}

function connect(): void {
  live?.stop();
  // A new socket (after a key is entered or forgotten) is not live until the server acknowledges it.
  $('live').textContent = 'Connecting…';
  live = subscribe<{ registrationCounts: Counts }>(GRAPHQL, DASHBOARD_COUNTS, { ids: events.map((e) => e.id) }, key,
    (data) => onCounts(data.registrationCounts),
    (state, reason) => {
      $('live').textContent = state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Not live: ' + reason;
      if (state === 'closed' && reason) say('Live updates stopped: ' + reason + '.', true);
    });
}

/** Staff view: names per event, read with the partner's key (the API refuses them to anyone else). */
async function loadRegistrants(which: Ev[]): Promise<void> {
  const box = $('registrants');
  for (const e of which) {
    const answer = await post<{ node: { registrations: Registrant[] | null } | null }>(GRAPHQL, DASHBOARD_REGISTRANTS, { id: e.id }, key);
    const error = answer.errors && answer.errors[0];
    if (error) {
      key = null;
      box.replaceChildren(el('p', 'Names could not be shown: ' + error.message, { role: 'alert' }));
      return;
    }
    const list = (answer.data!.node && answer.data!.node.registrations) || [];
    registrants.set(e.id, list);
    const id = 'reg-' + e.id.replace(/[^A-Za-z0-9]/g, '');
    const table = el('table', null, { id });
    table.append(el('caption', e.title + ' (' + list.length + ')'));
    const head = el('tr');
    for (const h of ['Name', 'Status', 'People', 'Registered at']) head.append(el('th', h, { scope: 'col' }));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const r of list) {
      const row = el('tr');
      row.append(el('td', r.name), el('td', r.status), el('td', String(r.partySize)), el('td', new Date(r.createdAt).toLocaleString()));
      body.append(row);
    }
    table.append(body);
    const old = document.getElementById(id);
    if (old) old.replaceWith(table);
    else box.append(table);
  }
}

async function start(): Promise<void> {
  const slug = new URLSearchParams(location.search).get('partner');
  let filter: Record<string, unknown> = { from: new Date().toISOString() };
  if (slug) {
    const found = await post<{ partner: { id: string; name: string } | null }>(GRAPHQL, DASHBOARD_PARTNER, { slug }, null);
    const partner = found.data && found.data.partner;
    if (!partner) return say(found.errors ? found.errors[0].message : `Unknown partner "${slug}".`, true);
    $('heading').textContent = 'Registrations: ' + partner.name;
    filter = { ...filter, partnerIds: [partner.id] };
  }
  const answer = await post<{ events: { edges: Array<{ node: Ev }> } }>(GRAPHQL, DASHBOARD_EVENTS, { filter }, null);
  if (!answer.data) return say('Events could not be loaded: ' + (answer.errors ? answer.errors[0].message : 'no answer') + '.', true);
  events = answer.data.events.edges.map((x) => x.node).filter((e) => e.registration.mode !== 'NONE' && e.registration.capacity != null).slice(0, MAX_EVENTS);
  history.push({ x: Date.now(), y: people(events) });
  renderTable();
  drawCharts();
  say(events.length ? `${events.length} upcoming events with registration.` : 'No upcoming events with registration.');
  if (events.length) connect();
}

$('key-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = $('key') as HTMLInputElement;
  key = input.value.trim() || null;
  input.value = '';
  $('registrants').replaceChildren();
  if (!key) return;
  void loadRegistrants(events).then(() => {
    if (!key) return;
    historyFromRegistrants();
    connect();
  });
});
$('forget').addEventListener('click', () => {
  key = null;
  $('registrants').replaceChildren(el('p', 'Key forgotten; names hidden.'));
  connect();
});

start().catch((error) => say('The dashboard could not start: ' + (error && error.message) + '.', true));
