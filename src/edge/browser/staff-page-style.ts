/**
 * What every staff page (/dashboard, /door, /impact) looks like underneath: the colours, light and dark,
 * the body text, the focus ring and the alert. Each page adds its own layout after it.
 */
export const STAFF_PAGE_BASE_CSS = `:root{color-scheme:light dark;--fg:#1b1f23;--bg:#fff;--muted:#57606a;--line:#d0d7de;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#30363d;--focus:#4493f8}}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
[role=alert]{color:#b42318;font-weight:600}
@media (prefers-color-scheme:dark){[role=alert]{color:#ff7b72}}
`;
