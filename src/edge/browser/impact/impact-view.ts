import { el } from '../dashboard/overview-view';

/** Chart.js 4, loaded by the page from our own copy of its UMD build (/dashboard/chart.umd.js). */
declare const Chart: any;

export interface Figures {
  occurrences: number;
  registrations: number;
  confirmed: number;
  attended: number;
  walkIns: number;
  headCount: number;
  /** Everyone who came: checked in, walked in, or counted at a drop-in. */
  attendedTotal: number;
  attendanceByCategory: Array<{ category: string; count: number }>;
  seats: number;
  fillRate: number | null;
  noShowRate: number | null;
  surveyResponses: number;
  /** Fewer than 5 responses: the shares are not shown (k-anonymity), never as zero. */
  surveySuppressed: boolean;
  agreement: Array<{ outcome: string; agreeShare: number | null }>;
}

export interface Group {
  partner: { name: string } | null;
  seriesTitle: string | null;
  category: string | null;
  audience: string | null;
  month: string | null;
  branch: { name: string } | null;
  serviceArea: string | null;
  figures: Figures;
}

export type Dimension = 'SERIES' | 'MONTH' | 'PARTNER' | 'CATEGORY' | 'AUDIENCE' | 'BRANCH' | 'SERVICE_AREA';

const HEADINGS: Record<Dimension, string> = {
  SERIES: 'Program', MONTH: 'Month', PARTNER: 'Partner', CATEGORY: 'Category', AUDIENCE: 'Audience', BRANCH: 'Branch', SERVICE_AREA: 'Service area',
};

/** An enum value as words: EARLY_CHILDHOOD_LITERACY → "Early childhood literacy". */
const words = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

const $ = (id: string) => document.getElementById(id)!;
const percent = (share: number | null): string => (share == null ? '–' : `${Math.round(share * 100)}%`);

/** A group's name along the dimension it was broken down by; a group without a value says so. */
export function labelOf(g: Group, by: Dimension): string {
  switch (by) {
    case 'SERIES': return g.seriesTitle ?? '';
    case 'PARTNER': return g.partner ? g.partner.name : '';
    case 'MONTH': return g.month
      ? new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${g.month}-01T00:00:00Z`)) : '';
    case 'CATEGORY': return g.category ?? 'No category';
    case 'AUDIENCE': return g.audience ? words(g.audience) : 'No audience';
    case 'BRANCH': return g.branch ? g.branch.name : 'No place named';
    case 'SERVICE_AREA': return g.serviceArea ? words(g.serviceArea) : 'No survey';
  }
}

export function renderTotals(t: Figures): void {
  $('t-occurrences').textContent = String(t.occurrences);
  $('t-registrations').textContent = String(t.registrations);
  $('t-confirmed').textContent = String(t.confirmed);
  $('t-attended').textContent = String(t.attendedTotal);
  const byCategory = t.attendanceByCategory.filter((c) => c.count > 0).map((c) => `${c.category} ${c.count}`);
  $('came').textContent = `Of ${t.attendedTotal} who came, ${t.attended} were checked in, ${t.walkIns} walked in and ${t.headCount} were counted at drop-ins`
    + (byCategory.length ? ` (${byCategory.join(' · ')}).` : '.');
  $('t-fill').textContent = percent(t.fillRate);
  $('t-noshow').textContent = percent(t.noShowRate);
  $('t-responses').textContent = String(t.surveyResponses);
  $('agreement').textContent = !t.surveyResponses ? 'No outcome survey answers in this range.'
    : t.surveySuppressed ? 'Fewer than 5 survey answers: agreement is not shown, so no answer can be told apart.'
      : 'Agreed (4 or 5 of 5): ' + t.agreement.map((a) => `${a.outcome} ${percent(a.agreeShare)}`).join(' · ') + '.';
}

export function renderGroups(groups: Group[], by: Dimension): void {
  $('groups-caption').textContent = `By ${HEADINGS[by].toLowerCase()}`;
  $('group-heading').textContent = HEADINGS[by];
  $('groups-body').replaceChildren(...groups.map((g) => {
    const f = g.figures;
    const row = el('tr');
    row.append(el('th', labelOf(g, by), { scope: 'row' }));
    for (const cell of [f.occurrences, f.registrations, f.confirmed, f.attendedTotal]) row.append(el('td', String(cell)));
    row.append(el('td', percent(f.fillRate)), el('td', percent(f.noShowRate)), el('td', String(f.surveyResponses)));
    return row;
  }));
}

let chart: any = null;

/** People confirmed beside people who came, one pair of bars per group. */
export function renderChart(groups: Group[], by: Dimension): void {
  const data = {
    labels: groups.map((g) => labelOf(g, by)),
    datasets: [
      { label: 'People confirmed', data: groups.map((g) => g.figures.confirmed), backgroundColor: '#1d6fb8' },
      { label: 'People who came', data: groups.map((g) => g.figures.attendedTotal), backgroundColor: '#1a7f37' },
    ],
  };
  if (chart) {
    chart.data = data;
    chart.update();
    return;
  }
  chart = new Chart($('group-chart'), {
    type: 'bar', data,
    options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}
