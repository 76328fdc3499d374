import { DASHBOARD_COUNTS, DASHBOARD_OVERVIEW, DASHBOARD_PARTNERS, DASHBOARD_REGISTRANTS } from './operations';
import { Ev, eventFilter, Filters, filtersFromUrl, narrowed, Overview, urlOf } from './model';
import { datesOf, el, renderOverview } from './overview-view';
import { timeAxis } from './time-axis';
import { Live, post, subscribe } from './transport';

/** Chart.js 4, loaded by the page from our own copy of its UMD build (/dashboard/chart.umd.js). */
declare const Chart: any;

interface Counts { eventId: string; capacity: number | null; confirmed: number; waitlisted: number; held: number; remaining: number | null; changedAt: string }
interface Registrant { name: string | null; status: string; invitedUntil: string | null; partySize: number; createdAt: string }
interface PartnerChoice { id: string; slug: string; name: string }

/** Names are read per date: at most this many dates' lists at once. */
const MAX_NAMED_DATES = 30;
/** Live changes arrive in bursts: one refetch of the overview per burst. */
const REFRESH_AFTER_MS = 250;
const GRAPHQL = location.origin + '/graphql';
const $ = (id: string) => document.getElementById(id)!;

function say(text: string, alert = false): void {
  const status = $('status');
  status.setAttribute('role', alert ? 'alert' : 'status');
  status.textContent = text;
}

let filters: Filters = filtersFromUrl(location.search);
let partners: PartnerChoice[] = [];
/** The whole overview for the partner and dates; the Program choice narrows what is shown. */
let overview: Overview | null = null;
let shown: Ev[] = [];
let key: string | null = null;
let live: Live | null = null;
let timeline: any;
let refresh: ReturnType<typeof setTimeout> | null = null;
const points: Array<{ x: number; y: number }> = [];
const registrants = new Map<string, Registrant[]>();

const people = (o: Overview) => o.totals.confirmed + o.totals.waitlisted;

function drawTimeline(): void {
  const axis = timeAxis(points.map((p) => p.x));
  if (!timeline) {
    timeline = new Chart($('time-chart'), {
      type: 'line',
      data: { datasets: [{ label: 'People registered (confirmed + waitlisted)', data: points, borderColor: '#1d6fb8', stepped: true, pointRadius: 2 }] },
      options: { maintainAspectRatio: false, animation: false, parsing: false, scales: { x: { type: 'linear' }, y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  Object.assign(timeline.options.scales.x, { min: axis.min, max: axis.max, ticks: { maxTicksLimit: 8, callback: axis.label } });
  timeline.update();
}

/**
 * With the key, the line starts at the first registration instead of at page load: every active
 * registration at its own time (cancelled ones are left out, so the line ends at today's total).
 */
function historyFromRegistrants(): void {
  const active = [...registrants.values()].flat().filter((r) => r.status !== 'CANCELLED')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let total = 0;
  points.length = 0;
  for (const r of active) points.push({ x: Date.parse(r.createdAt), y: (total += r.partySize) });
  if (!points.length) points.push({ x: Date.now(), y: 0 });
  $('time-note').textContent = 'People registered (confirmed and waitlisted) across the dates above, by time of registration (staff view).';
  drawTimeline();
}

function fillChoices(): void {
  const select = (id: string, options: Array<[string, string]>, chosen: string, all: string) => {
    const box = $(id) as HTMLSelectElement;
    box.replaceChildren(el('option', all, { value: '' }), ...options.map(([value, text]) => el('option', text, { value })));
    box.value = options.some(([v]) => v === chosen) ? chosen : '';
  };
  select('f-partner', partners.map((p) => [p.slug, p.name]), filters.partner, 'All partners');
  select('f-program', (overview?.programs ?? []).map((p) => [p.key, p.title]), filters.program, 'All programs');
  ($('f-from') as HTMLInputElement).value = filters.from;
  ($('f-to') as HTMLInputElement).value = filters.to;
  const partner = partners.find((p) => p.slug === filters.partner);
  $('heading').textContent = 'Registrations: ' + (partner ? partner.name : 'all partners');
}

/** Reads the overview for the filters and shows it (the Program choice narrows it in the page). */
async function load(): Promise<boolean> {
  const answer = await post<{ registrationOverview: Overview }>(GRAPHQL, DASHBOARD_OVERVIEW, { filter: eventFilter(filters) }, null);
  if (!answer.data) {
    say('Registrations could not be loaded: ' + (answer.errors ? answer.errors[0].message : 'no answer') + '.', true);
    return false;
  }
  overview = answer.data.registrationOverview;
  const view = narrowed(overview, filters.program);
  shown = datesOf(view);
  renderOverview(view);
  fillChoices();
  return true;
}

function onCounts(c: Counts): void {
  const e = shown.find((x) => x.id === c.eventId);
  if (!e || !overview) return;
  // The line counts people registered: a seat hold (or its end) changes the counts but registers nobody.
  const registered = c.confirmed + c.waitlisted;
  if (registered !== e.registration.confirmed + e.registration.waitlisted) {
    points.push({ x: Date.parse(c.changedAt), y: people(overview) - e.registration.confirmed - e.registration.waitlisted + registered });
  }
  Object.assign(e.registration, { capacity: c.capacity, confirmed: c.confirmed, waitlisted: c.waitlisted, held: c.held, remaining: c.remaining });
  drawTimeline();
  say(`${e.title}: ${c.confirmed} confirmed, ${c.waitlisted} waitlisted` + (c.held ? `, ${c.held} held` : '')
    + (c.remaining == null ? '.' : `, ${c.remaining} seats left.`));
  if (refresh) clearTimeout(refresh);
  refresh = setTimeout(() => {
    refresh = null;
    void load();
  }, REFRESH_AFTER_MS);
  if (key) void loadRegistrants([e]);
}

function connect(): void {
  live?.stop();
  // A new socket (after a key is entered or forgotten) is not live until the server acknowledges it.
  $('live').textContent = 'Connecting…';
  // A partner's view follows that partner's events; all partners' view follows every event. Either way
  // the page keeps the changes of the dates it shows.
  const partner = partners.find((p) => p.slug === filters.partner);
  live = subscribe<{ registrationCounts: Counts }>(GRAPHQL, DASHBOARD_COUNTS, { ids: null, partnerId: partner ? partner.id : null }, key,
    (data) => onCounts(data.registrationCounts),
    (state, reason) => {
      $('live').textContent = state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Not live: ' + reason;
      if (state === 'closed' && reason) say('Live updates stopped: ' + reason + '.', true);
    });
}

/** Staff view: names per date, read with the partner's key (the API refuses them to anyone else). */
/** A registrant's status; an invited waitlisted party with the end of its invitation (INVITE waitlists). */
const standing = (r: Registrant): string => (r.invitedUntil ? `${r.status}, invited until ${new Date(r.invitedUntil).toLocaleString()}` : r.status);

async function loadRegistrants(which: Ev[]): Promise<void> {
  const box = $('registrants');
  for (const e of which.slice(0, MAX_NAMED_DATES)) {
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
      row.append(el('td', r.name), el('td', standing(r)), el('td', String(r.partySize)), el('td', new Date(r.createdAt).toLocaleString()));
      body.append(row);
    }
    table.append(body);
    const old = document.getElementById(id);
    if (old) old.replaceWith(table);
    else box.append(table);
  }
}

function describe(): void {
  const o = overview!;
  const count = shown.length;
  say((count ? `${count} ${count === 1 ? 'date' : 'dates'} with registration` : 'No dates with registration') + ' in this view.'
    + (o.complete ? '' : ' More events matched than one overview reads: narrow the dates for exact totals.'));
}

async function start(): Promise<void> {
  const listed = await post<{ partners: PartnerChoice[] }>(GRAPHQL, DASHBOARD_PARTNERS, {}, null);
  partners = (listed.data && listed.data.partners) || [];
  if (!(await load())) return;
  points.push({ x: Date.now(), y: people(overview!) });
  drawTimeline();
  describe();
  connect();
}

$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const value = (id: string) => ($(id) as HTMLInputElement | HTMLSelectElement).value;
  const partnerChanged = value('f-partner') !== filters.partner;
  // A program belongs to its partner: a new partner starts from all of its programs.
  filters = { partner: value('f-partner'), from: value('f-from'), to: value('f-to'), program: partnerChanged ? '' : value('f-program') };
  history.replaceState(null, '', urlOf(filters));
  void load().then((ok) => {
    if (!ok) return;
    if (partnerChanged) connect();
    points.length = 0;
    points.push({ x: Date.now(), y: people(narrowed(overview!, filters.program)) });
    drawTimeline();
    describe();
  });
});

$('key-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = $('key') as HTMLInputElement;
  key = input.value.trim() || null;
  input.value = '';
  $('registrants').replaceChildren();
  if (!key) return;
  void loadRegistrants(shown).then(() => {
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
