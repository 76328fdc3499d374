import { STAFF_PAGE_BASE_CSS } from './staff-page-style';

/**
 * The /dashboard page: static markup (no data in it, so it is the same for every visitor and caches
 * well); the script fills it from the public API and keeps it live. Everything the charts show is
 * also in a table, so screen-reader and keyboard users get the same numbers.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Registrations dashboard · Community Graph</title>
  <link rel="stylesheet" href="/dashboard/dashboard.css">
</head>
<body>
<main>
  <h1 id="heading">Registrations: all partners</h1>
  <p class="meta"><span id="live" class="badge">Connecting…</span> Counts update live as people register; no reload needed.</p>
  <form id="filters" class="filters" aria-label="Which events">
    <label>Partner <select id="f-partner" name="partner"><option value="">All partners</option></select></label>
    <label>From <input id="f-from" name="from" type="date"></label>
    <label>To <input id="f-to" name="to" type="date"></label>
    <label>Program <select id="f-program" name="program"><option value="">All programs</option></select></label>
    <button type="submit">Apply</button>
  </form>
  <p id="status" role="status" aria-live="polite">Loading events…</p>

  <section aria-labelledby="totals-heading">
    <h2 id="totals-heading">Totals</h2>
    <dl id="totals" class="totals">
      <div><dt>Registered</dt><dd id="t-confirmed">–</dd></div>
      <div><dt>Seats</dt><dd id="t-seats">–</dd></div>
      <div><dt>Filled</dt><dd id="t-fill">–</dd></div>
      <div><dt>Waitlisted</dt><dd id="t-waitlisted">–</dd></div>
      <div><dt>Attended</dt><dd id="t-attended">–</dd></div>
    </dl>
  </section>

  <section aria-labelledby="attention-heading">
    <h2 id="attention-heading">Needs attention</h2>
    <ul id="attention" class="attention"></ul>
  </section>

  <section aria-labelledby="programs-heading">
    <h2 id="programs-heading">Programs</h2>
    <div class="scroll"><table>
      <caption>One row per program; the bars show the share of seats taken on each date.</caption>
      <thead><tr><th scope="col">Program</th><th scope="col">Run by</th><th scope="col">Dates</th><th scope="col">Registered</th><th scope="col">Filled</th><th scope="col">Waitlisted</th><th scope="col">By date</th></tr></thead>
      <tbody id="programs-body"></tbody>
    </table></div>
  </section>

  <section aria-labelledby="seats-heading">
    <h2 id="seats-heading">Every date</h2>
    <div class="scroll"><table>
      <caption>Each date with registration, in start order</caption>
      <thead><tr><th scope="col">Event</th><th scope="col">Starts</th><th scope="col">Capacity</th><th scope="col">Confirmed</th><th scope="col">Waitlisted</th><th scope="col">Held</th><th scope="col">Seats left</th></tr></thead>
      <tbody id="seats-body"></tbody>
    </table></div>
  </section>

  <section aria-labelledby="time-heading">
    <h2 id="time-heading">Registrations over time</h2>
    <p id="time-note">People registered (confirmed and waitlisted) across the events above, at every change since this page opened.</p>
    <div class="chart time"><canvas id="time-chart" role="img" aria-label="Line chart of people registered over time since this page opened."></canvas></div>
  </section>

  <section aria-labelledby="staff-heading">
    <h2 id="staff-heading">Staff: who registered</h2>
    <form id="key-form">
      <label for="key">Partner API key</label>
      <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required>
      <button type="submit">Show names</button>
      <button type="button" id="forget">Forget key</button>
      <p class="hint">Names are shown only with the key of the partner running the events. The key stays in this page's memory: it is sent with each request and never stored, here or on the server.</p>
    </form>
    <div id="registrants"></div>
  </section>
</main>
<script src="/dashboard/chart.umd.js"></script>
<script src="/dashboard/dashboard.js"></script>
</body>
</html>
`;

export const DASHBOARD_CSS = `${STAFF_PAGE_BASE_CSS}main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{margin:.5rem 0}.meta,.hint{color:var(--muted)}
.badge{display:inline-block;padding:0 .5rem;border:1px solid var(--line);border-radius:1rem;color:var(--fg)}
.chart{position:relative;min-height:200px}.chart.time{height:260px}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}.filters label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted)}
select{font:inherit;padding:.2rem .4rem}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:.75rem;margin:0}
.totals div{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}.totals dt{color:var(--muted);font-size:.9rem}.totals dd{margin:0;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}
.attention{padding-left:1.2rem}.attention li{margin:.2rem 0}.attention .why{font-weight:600}
.spark{display:block;width:140px;height:34px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left}td{font-variant-numeric:tabular-nums}
input,button{font:inherit;padding:.25rem .5rem}
`;
