import { h, sr } from './dom';
import { persistedPost } from './persisted';
import type { RenderedEvent } from './render';


let counter = 0;

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', {}, label, h('br'), input);
}

/** What the person sees after submitting: the outcome in words, or the server's reason. */
export function outcomeText(body: any): string {
  const result = body && body.data && body.data.register;
  if (result && result.__typename === 'RegistrationTicket') {
    const r = result.registration;
    const cancel = result.cancelToken ? ' To cancel later, keep this code: ' + result.cancelToken : '';
    return (r.status === 'WAITLISTED' ? 'You are on the waitlist (position ' + r.waitlistPosition + ').' : 'You are registered (confirmed).') + cancel;
  }
  if (result && result.__typename === 'RegistrationRejected') return result.message;
  return (body && body.errors && body.errors[0] && body.errors[0].message) || 'Registration failed. Please try again.';
}

/** The inline Register button and form for a NATIVE event whose registration is open. */
export function attachRegisterForm(r: RenderedEvent, graphqlUrl: string): void {
  const e = r.event;
  const reg = e._community_graph.registration;
  if (reg.mode !== 'NATIVE' || !reg.is_open) return;
  const formId = 'cgf' + ++counter;
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': formId }, 'Register', sr(' for ' + e.title));
  const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '200' }) as HTMLInputElement;
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '320' }) as HTMLInputElement;
  const party = h('input', { name: 'partySize', type: 'number', min: '1', max: String(reg.max_party_size), value: '1', required: true }) as HTMLInputElement;
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Send registration') as HTMLButtonElement;
  const form = h('form', { id: formId, hidden: true, 'aria-label': 'Register for ' + e.title },
    field('Name', name), field('Email', email), reg.max_party_size > 1 ? field('People (up to ' + reg.max_party_size + ')', party) : null, submit, status) as HTMLFormElement;
  const show = (open: boolean) => {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) name.focus();
  };
  toggle.addEventListener('click', () => show(form.hidden));
  // Escape closes the form and gives focus back to its Register button (WAI-ARIA disclosure pattern).
  form.addEventListener('keydown', (ev) => {
    if ((ev as KeyboardEvent).key !== 'Escape') return;
    show(false);
    toggle.focus();
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    status.textContent = 'Sending…';
    persistedPost(graphqlUrl, { eventId: e.id, name: name.value, email: email.value, partySize: Number(party.value) })
      .then((body) => { status.textContent = outcomeText(body); }, () => { status.textContent = 'Registration failed: the server could not be reached.'; })
      .then(() => { submit.disabled = false; });
  });
  r.actions.prepend(toggle);
  r.article.append(form);
}
