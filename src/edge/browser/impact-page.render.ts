import { STAFF_PAGE_BASE_CSS } from './staff-page-style';

/**
 * The /impact page: static markup with no data in it (the filters come from its own URL, the figures
 * from the API once a key is entered), so it caches like the dashboard. A table carries every figure;
 * the chart shows the same numbers for the eye.
 */
export const IMPACT_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Impact · Community Graph</title>
  <link rel="stylesheet" href="/impact/impact.css">
</head>
<body>
<main>
  <h1>What our programs did</h1>
  <p id="alert" role="alert"></p>
  <form id="report-form" class="filters">
    <label>From <input id="f-from" name="from" type="date" required></label>
    <label>To <input id="f-to" name="to" type="date" required></label>
    <label>Break down by
      <select id="f-group" name="groupBy">
        <option value="SERIES">Program</option>
        <option value="MONTH">Month</option>
        <option value="PARTNER">Partner</option>
        <option value="CATEGORY">Category</option>
        <option value="AUDIENCE">Audience</option>
        <option value="BRANCH">Branch</option>
        <option value="SERVICE_AREA">Service area (outcome survey)</option>
      </select>
    </label>
    <label>Partner API key <input id="key" name="key" type="password" autocomplete="off" spellcheck="false"></label>
    <button type="submit">Show the report</button>
    <p class="hint">A partner's key shows its own programs, an admin key every partner's. The key stays in this page's memory: it is sent with each request and never stored.</p>
  </form>
  <div id="report" hidden>
    <p id="status" role="status" aria-live="polite"></p>
    <dl class="totals">
      <div><dt>Occurrences</dt><dd id="t-occurrences">–</dd></div>
      <div><dt>Registrations</dt><dd id="t-registrations">–</dd></div>
      <div><dt>People confirmed</dt><dd id="t-confirmed">–</dd></div>
      <div><dt>People who came</dt><dd id="t-attended">–</dd></div>
      <div><dt>Seats filled</dt><dd id="t-fill">–</dd></div>
      <div><dt>No-shows</dt><dd id="t-noshow">–</dd></div>
      <div><dt>Survey responses</dt><dd id="t-responses">–</dd></div>
    </dl>
    <p id="came" class="hint"></p>
    <p id="agreement" class="hint"></p>
    <div class="chart"><canvas id="group-chart" role="img" aria-label="Bar chart of people confirmed and people who came, per group; the table below has the same figures."></canvas></div>
    <div class="scroll"><table id="groups">
      <caption id="groups-caption">By program</caption>
      <thead><tr><th scope="col" id="group-heading">Program</th><th scope="col">Occurrences</th><th scope="col">Registrations</th><th scope="col">Confirmed</th><th scope="col">Came</th><th scope="col">Seats filled</th><th scope="col">No-shows</th><th scope="col">Survey responses</th></tr></thead>
      <tbody id="groups-body"></tbody>
    </table></div>
    <p><button type="button" id="download">Download CSV</button> <button type="button" id="forget">Forget key</button></p>
  </div>
</main>
<script src="/dashboard/chart.umd.js"></script>
<script src="/impact/impact.js"></script>
</body>
</html>
`;

export const IMPACT_CSS = `${STAFF_PAGE_BASE_CSS}*{box-sizing:border-box}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{margin:.5rem 0}.hint{color:var(--muted);flex-basis:100%;margin:0}#came{margin:0}#agreement{margin:0 0 1rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
.filters label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted)}
input,select,button{font:inherit;padding:.3rem .5rem;min-height:2.5rem;max-width:100%}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0 0 .5rem}
.totals div{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}.totals dt{color:var(--muted);font-size:.9rem}
.totals dd{margin:0;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}
.chart{position:relative;height:280px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left}td{font-variant-numeric:tabular-nums}
td:not(:first-child),th:not(:first-child){text-align:right}
[role=alert]:empty{margin:0}
[hidden]{display:none!important}
`;
