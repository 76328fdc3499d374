import type { Attention, Ev, Overview, Program, Totals } from './model';

/** Chart.js 4, loaded by the page from our own copy of its UMD build (/dashboard/chart.umd.js). */
declare const Chart: any;

const $ = (id: string) => document.getElementById(id)!;

export function el(tag: string, text?: string | null, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export const when = (e: Ev) => new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: e.timezone, timeZoneName: 'short' }).format(new Date(e.startsAt));
const day = (e: Ev) => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: e.timezone }).format(new Date(e.startsAt));
const percent = (rate: number | null) => (rate == null ? '—' : Math.round(rate * 100) + '%');

function renderTotals(t: Totals): void {
  $('t-confirmed').textContent = String(t.confirmed);
  $('t-seats').textContent = String(t.seats);
  $('t-fill').textContent = percent(t.fillRate);
  $('t-waitlisted').textContent = String(t.waitlisted);
  $('t-attended').textContent = String(t.attended);
}

const WHY: Record<Attention['reason'], (e: Ev) => string> = {
  FULL_NO_WAITLIST: () => 'Full, and no waiting list: people are being turned away.',
  UNDER_FILLED: (e) => `${e.registration.confirmed} of ${e.registration.capacity} seats taken, and it starts within 72 hours.`,
  NOT_YET_OPEN: () => 'Registration has not opened, and it starts within a week.',
};

function renderAttention(items: Attention[]): void {
  const list = $('attention');
  if (!items.length) {
    list.replaceChildren(el('li', 'Nothing needs attention right now.'));
    return;
  }
  list.replaceChildren(...items.map((a) => {
    const li = el('li', null, { 'data-reason': a.reason });
    li.append(el('span', a.event.title + ', ' + when(a.event) + ': '), el('span', WHY[a.reason](a.event), { class: 'why' }));
    return li;
  }));
}

/** Each program's dates as small bars of the share of seats taken (0-100 %), with the numbers in its label. */
function sparkline(p: Program): HTMLElement {
  const canvas = el('canvas', null, {
    class: 'spark', width: '140', height: '34', 'data-program': p.key, role: 'img',
    'aria-label': p.title + ', seats taken by date: ' + p.occurrences.map((e) => `${day(e)} ${e.registration.confirmed} of ${e.registration.capacity}`).join('; ') + '.',
  });
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: p.occurrences.map(day),
      datasets: [{ data: p.occurrences.map((e) => (e.registration.capacity ? Math.round((100 * e.registration.confirmed) / e.registration.capacity) : 0)), backgroundColor: '#1d6fb8' }],
    },
    options: {
      responsive: false, animation: false, events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: { display: false }, y: { display: false, min: 0, max: 100 } },
    },
  });
  return canvas;
}

function renderPrograms(programs: Program[]): void {
  const body = $('programs-body');
  for (const canvas of Array.from(body.querySelectorAll('canvas'))) Chart.getChart(canvas)?.destroy();
  body.replaceChildren();
  for (const p of programs) {
    const row = el('tr', null, { 'data-program': p.key });
    const spark = el('td');
    row.append(el('th', p.title, { scope: 'row' }), el('td', p.organizer.name), el('td', String(p.totals.events)),
      el('td', `${p.totals.confirmed} of ${p.totals.seats}`), el('td', percent(p.totals.fillRate)), el('td', String(p.totals.waitlisted)), spark);
    body.append(row);
    // The canvas must be in the document before Chart.js sizes it.
    spark.append(sparkline(p));
  }
}

function renderDates(events: Ev[]): void {
  $('seats-body').replaceChildren(...events.map((e) => {
    const r = e.registration;
    const row = el('tr', null, { 'data-event-id': e.id });
    row.append(el('th', e.title, { scope: 'row' }), el('td', when(e)), el('td', r.capacity == null ? 'no limit' : String(r.capacity)),
      el('td', String(r.confirmed)), el('td', String(r.waitlisted)), el('td', String(r.held)), el('td', r.remaining == null ? '—' : String(r.remaining)));
    return row;
  }));
}

/** Every date of the view, in start order. */
export const datesOf = (o: Overview): Ev[] => o.programs.flatMap((p) => p.occurrences).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

export function renderOverview(o: Overview): void {
  renderTotals(o.totals);
  renderAttention(o.needsAttention);
  renderPrograms(o.programs);
  renderDates(datesOf(o));
}
