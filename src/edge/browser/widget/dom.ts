type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Tiny element builder: text always goes through text nodes (no innerHTML), so feed data cannot inject markup. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const v = attrs[name];
    if (v === true) el.setAttribute(name, '');
    else if (typeof v === 'string') el.setAttribute(name, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** Text for screen readers only, e.g. which event a "Register" button is for. */
export const sr = (text: string): HTMLElement => h('span', { class: 'sr' }, text);
