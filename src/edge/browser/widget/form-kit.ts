/** What the register form and the manage view share: labelled fields, the open/close behaviour, one request at a time. */

import { h } from './dom';

/** A visible label around its input, which is then the input's accessible name. */
export const field = (label: string, input: HTMLElement): HTMLElement => h('label', {}, label, h('br'), input);

/**
 * `toggle` opens and closes `panel` (WAI-ARIA disclosure pattern): closed at first, aria-expanded
 * follows, opening focuses `first`, Escape inside closes it and gives focus back to `toggle`.
 * `onToggle` hears each opening and closing.
 */
export function disclosure(toggle: HTMLElement, panel: HTMLElement, first: HTMLElement, onToggle?: (open: boolean) => void): (open: boolean) => void {
  panel.hidden = true;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panel.id);
  const show = (open: boolean) => {
    const changed = open === panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) first.focus();
    if (changed && onToggle) onToggle(open);
  };
  toggle.addEventListener('click', () => show(panel.hidden));
  panel.addEventListener('keydown', (ev) => {
    if ((ev as KeyboardEvent).key !== 'Escape') return;
    show(false);
    toggle.focus();
  });
  return show;
}

/**
 * Sends one request for `button`: disabled, with `waiting` in the status region, until the answer;
 * a network failure (no answer at all) is said in words, never left as "Sending…".
 */
export function send(button: HTMLButtonElement, status: HTMLElement, waiting: string, request: () => Promise<any>, onBody: (body: any) => void): void {
  button.disabled = true;
  status.textContent = waiting;
  request()
    .then(onBody, () => { status.textContent = 'The server could not be reached. Please try again.'; })
    .then(() => { button.disabled = false; });
}
