import { STAFF_PAGE_BASE_CSS } from './staff-page-style';

/**
 * The /door page: static markup with no data in it (the same for every event, so it caches); the
 * script fills it from the API once the partner key is entered. Until then the list is hidden and
 * empty: nobody's name reaches the page without the key.
 */
export const DOOR_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Check-in at the door · Community Graph</title>
  <link rel="stylesheet" href="/door/door.css">
</head>
<body>
<main>
  <h1 id="heading">Check-in at the door</h1>
  <p id="when" class="meta"></p>
  <p id="alert" role="alert"></p>
  <form id="key-form">
    <label for="key">Partner API key</label>
    <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required>
    <button type="submit">Open the list</button>
    <p class="hint">The key of the partner running the event. It stays in this page's memory: it is sent with each request and never stored, here or on the server.</p>
  </form>
  <div id="door" hidden>
    <dl id="counts" class="counts">
      <div class="for-lists"><dt>Checked in</dt><dd id="c-checked-in">–</dd></div>
      <div class="for-lists"><dt>Waitlisted</dt><dd id="c-waitlisted">–</dd></div>
      <div class="for-lists"><dt>Held</dt><dd id="c-held">–</dd></div>
      <div class="for-lists"><dt>Walk-ins</dt><dd id="c-walk-ins">–</dd></div>
      <div><dt>Came in all</dt><dd id="c-total">–</dd></div>
    </dl>
    <p id="status" role="status" aria-live="polite"></p>
    <form id="head-form" aria-labelledby="head-heading" novalidate hidden>
      <h2 id="head-heading">Head count</h2>
      <p class="hint">A drop-in: nobody registers, so count who came. Save replaces the count saved before.</p>
      <div id="head-numbers"></div>
      <button type="submit">Save head count</button>
    </form>
    <div id="lists">
      <form id="walk-in-form" aria-labelledby="walk-in-heading" novalidate>
        <h2 id="walk-in-heading">Walk-ins</h2>
        <div id="walk-in-numbers"></div>
        <button type="submit">Add walk-ins</button>
      </form>
      <label for="search">Find a name</label>
      <input id="search" type="search" autocomplete="off" spellcheck="false">
      <section aria-labelledby="confirmed-heading">
        <h2 id="confirmed-heading">Confirmed</h2>
        <ul id="confirmed" class="people"></ul>
        <p id="confirmed-none" class="hint" hidden></p>
      </section>
      <section aria-labelledby="waitlisted-heading">
        <h2 id="waitlisted-heading">Waitlisted</h2>
        <ul id="waitlisted" class="people"></ul>
        <p id="waitlisted-none" class="hint" hidden></p>
      </section>
    </div>
    <p><button type="button" id="forget">Forget key</button></p>
  </div>
</main>
<script src="/door/door.js"></script>
</body>
</html>
`;

/** Built for a phone in one hand: one column, wrapping rows, buttons big enough for a thumb. */
export const DOOR_CSS = `${STAFF_PAGE_BASE_CSS}:root{--done:#1a7f37}
@media (prefers-color-scheme:dark){:root{--done:#3fb950}}
*{box-sizing:border-box}
main{max-width:48rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{margin:.5rem 0;overflow-wrap:anywhere}h2{margin:1.25rem 0 .25rem;font-size:1.2rem}
.meta,.hint{color:var(--muted)}
label{display:block;font-weight:600;margin-top:.75rem}
input,button{font:inherit;padding:.4rem .6rem;min-height:2.75rem;max-width:100%}
input{width:100%;border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}
#key-form button{margin-top:.5rem}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.5rem;margin:0}
.counts div{border:1px solid var(--line);border-radius:.5rem;padding:.4rem .6rem}.counts dt{color:var(--muted);font-size:.9rem}
.counts dd{margin:0;font-size:1.4rem;font-weight:600;font-variant-numeric:tabular-nums}
.people{list-style:none;padding:0;margin:0}
.people li{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;padding:.5rem 0;border-bottom:1px solid var(--line)}
.people .name{font-weight:600;overflow-wrap:anywhere;flex:1 1 10rem}
.people .state{color:var(--muted)}.people li.in .state{color:var(--done);font-weight:600}
.people button.toggle{margin-left:auto}
.people button.toggle[aria-pressed=true]{background:var(--done);border-color:var(--done);color:#fff}
button{border:2px solid var(--focus);border-radius:.25rem;background:var(--bg);color:var(--fg);cursor:pointer}
.some{flex:1 1 100%}.some summary{cursor:pointer;color:var(--focus);padding:.4rem 0;min-height:2.75rem;width:max-content}
.some-form,#walk-in-form,#head-form{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem .75rem}
.numbers{display:flex;flex-wrap:wrap;gap:.5rem;border:0;padding:0;margin:0;min-width:0}
.numbers legend{padding:0;margin-bottom:.25rem;color:var(--muted)}
.numbers div{display:flex;flex-direction:column;width:4.5rem}.numbers label{margin-top:0;font-weight:400}
#head-numbers .numbers div{width:7.5rem}
#walk-in-form h2,#head-form h2,#head-form .hint{flex:1 1 100%;margin-bottom:0}#head-form .hint{margin:0}
.counts.drop-in{max-width:12rem}
[role=alert]:empty{margin:0}
[hidden]{display:none!important}
`;
