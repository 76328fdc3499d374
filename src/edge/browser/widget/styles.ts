/**
 * Shadow-DOM styles. `:host { all: initial }` stops the partner page's inherited styles leaking in; the
 * shadow boundary stops ours leaking out. Colours follow prefers-color-scheme, focus is always visible.
 * `[hidden]` wins over every display rule: a register form stays closed until Register opens it.
 */
export const STYLES = `
:host{all:initial;display:block;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;--fg:#1b1b1b;--bg:#fff;--mu:#575757;--ln:#d8d8d8;--ac:#0b5cad;--bad:#a4001d;color:var(--fg);background:var(--bg)}
@media (prefers-color-scheme:dark){:host{--fg:#eee;--bg:#171717;--mu:#bdbdbd;--ln:#444;--ac:#8ab8ff;--bad:#ff8a9a}}
section{padding:.75rem}
h2{font-size:1.2em;margin:0 0 .5em}
h3{font-size:1.05em;margin:0 0 .2em}
ul{list-style:none;margin:0;padding:0}
li{border-top:1px solid var(--ln);padding:.6em 0}
p{margin:.1em 0}
.dt{margin-top:.35em}
.dt li{border-top:1px dashed var(--ln);padding:.35em 0 .35em .75em}
.mu{color:var(--mu)}
.st{color:var(--bad);font-weight:700}
.sp{font-weight:600}
.ac{margin-top:.35em;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center}
a,button{color:var(--ac);font:inherit}
button{background:none;border:1px solid var(--ac);border-radius:4px;padding:.15em .6em;cursor:pointer}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--ac);outline-offset:2px}
[role=alert],.er{color:var(--bad)}
[aria-invalid=true]{border-color:var(--bad)}
.er:empty{display:none}
.hd{font-variant-numeric:tabular-nums}
.mg{border-top:1px solid var(--ln);padding-top:.6em}
#cgm input{font-family:ui-monospace,monospace}
.rs{padding:.2em .4em;border-radius:4px}
.rs:focus{outline:2px solid var(--ac)}
.rs button{margin:.3em .6em 0 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form{display:grid;gap:.35em;max-width:22em;margin-top:.4em}
[hidden]{display:none!important}
form button{justify-self:start}
.pf{border:1px solid var(--ln);border-radius:4px;margin:0;padding:.3em .6em .5em;display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5em,1fr));gap:.3em .8em}
.pf legend{padding:0 .3em}.pf input{width:4.5em}
input{font:inherit;padding:.2em .35em;color:var(--fg);background:var(--bg);border:1px solid var(--mu);border-radius:3px}
`;
