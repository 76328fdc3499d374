import { post } from '../dashboard/transport';
import { IMPACT_REPORT } from './operations';
import { Dimension, Figures, Group, renderChart, renderGroups, renderTotals } from './impact-view';

const GRAPHQL = location.origin + '/graphql';
const DAY_MS = 86_400_000;
const $ = (id: string) => document.getElementById(id)! as HTMLInputElement;

/** The staff key: in this variable only, never in storage or in the address. */
let key: string | null = null;

interface Range { from: string; to: string; groupBy: Dimension }

/** The form's range as the report reads it: whole days in UTC, the last one included (as the CSV export). */
const instants = (r: Range) => ({ from: `${r.from}T00:00:00Z`, to: new Date(Date.parse(`${r.to}T00:00:00Z`) + DAY_MS).toISOString() });

function rangeFromForm(): Range {
  return { from: $('f-from').value, to: $('f-to').value, groupBy: $('f-group').value as Dimension };
}

/** The address carries the view (bookmarkable), never the key. A new page starts at this year so far. */
function fillFromUrl(): void {
  const params = new URLSearchParams(location.search);
  const today = new Date().toISOString().slice(0, 10);
  $('f-from').value = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  $('f-to').value = params.get('to') ?? today;
  const group = params.get('groupBy');
  if (group && Array.prototype.some.call(($('f-group') as unknown as HTMLSelectElement).options, (o: HTMLOptionElement) => o.value === group)) {
    $('f-group').value = group;
  }
}

function say(text: string, alert = false): void {
  document.getElementById(alert ? 'alert' : 'status')!.textContent = text;
  if (alert) document.getElementById('status')!.textContent = '';
}

async function show(range: Range): Promise<void> {
  const answer = await post<{ impact: { totals: Figures; groups: Group[] } }>(GRAPHQL, IMPACT_REPORT, { ...instants(range), groupBy: [range.groupBy] }, key);
  if (!answer.data || !answer.data.impact) {
    const error = answer.errors && answer.errors[0];
    if (error && (error.extensions?.code === 'UNAUTHENTICATED' || error.extensions?.code === 'FORBIDDEN')) key = null;
    document.getElementById('report')!.hidden = true;
    say('The report could not be shown: ' + (error ? error.message.replace(/\.$/, '') : 'no answer from the server') + '.', true);
    return;
  }
  say('', true);
  const { totals, groups } = answer.data.impact;
  renderTotals(totals);
  renderGroups(groups, range.groupBy);
  document.getElementById('report')!.hidden = false;
  renderChart(groups, range.groupBy);
  say(`${totals.occurrences} ${totals.occurrences === 1 ? 'occurrence' : 'occurrences'} from ${range.from} to ${range.to}, in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}.`);
}

/** The same report as a spreadsheet, fetched with the key (a plain link could not carry it) and saved. */
async function download(range: Range): Promise<void> {
  const query = new URLSearchParams({ from: range.from, to: range.to, groupBy: range.groupBy });
  const res = await fetch(`/reports/impact.csv?${query}`, { headers: { authorization: 'Bearer ' + key } });
  if (!res.ok) {
    say('The CSV could not be made: ' + (await res.text()).trim(), true);
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = `impact-${range.from}-${range.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  say('The CSV was saved.');
}

document.getElementById('report-form')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const typed = $('key').value.trim().replace(/^Bearer\s+/i, '');
  $('key').value = '';
  if (typed) key = typed;
  if (!key) {
    say('Enter a partner API key to see the report.', true);
    $('key').focus();
    return;
  }
  const range = rangeFromForm();
  history.replaceState(null, '', `?${new URLSearchParams({ from: range.from, to: range.to, groupBy: range.groupBy })}`);
  show(range).catch((error) => say('The server could not be reached (' + (error && error.message) + ').', true));
});
document.getElementById('download')!.addEventListener('click', () => {
  download(rangeFromForm()).catch((error) => say('The server could not be reached (' + (error && error.message) + ').', true));
});
document.getElementById('forget')!.addEventListener('click', () => {
  key = null;
  document.getElementById('report')!.hidden = true;
  say('Key forgotten; enter it again to see the report.');
});
fillFromUrl();
