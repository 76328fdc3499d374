import { h, sr } from './dom';
import { disclosure, field, send } from './form-kit';
import { persistedPost } from './persisted';
import type { RenderedEvent } from './render';


let counter = 0;

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

/**
 * The inline Register button and form for a NATIVE event whose registration is open. After a ticket,
 * "Manage my registration" hands its cancel code to `manage` (the widget's manage view).
 */
export function attachRegisterForm(r: RenderedEvent, graphqlUrl: string, manage: (code: string) => void): void {
  const e = r.event;
  const reg = e._community_graph.registration;
  if (reg.mode !== 'NATIVE' || !reg.is_open) return;
  const toggle = h('button', { type: 'button' }, 'Register', sr(' for ' + r.label));
  const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '200' }) as HTMLInputElement;
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '320' }) as HTMLInputElement;
  const party = h('input', { name: 'partySize', type: 'number', min: '1', max: String(reg.max_party_size), value: '1', required: true }) as HTMLInputElement;
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Send registration') as HTMLButtonElement;
  const manageButton = h('button', { type: 'button', hidden: true }, 'Manage my registration') as HTMLButtonElement;
  let code = '';
  manageButton.addEventListener('click', () => manage(code));
  const form = h('form', { id: 'cgf' + ++counter, 'aria-label': 'Register for ' + r.label },
    field('Name', name), field('Email', email), reg.max_party_size > 1 ? field('People (up to ' + reg.max_party_size + ')', party) : null, submit, status, manageButton) as HTMLFormElement;
  disclosure(toggle, form, name);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    manageButton.hidden = true;
    send(submit, status, 'Sending…', () => persistedPost(graphqlUrl, 'WidgetRegister', { eventId: e.id, name: name.value, email: email.value, partySize: Number(party.value) }), (body) => {
      status.textContent = outcomeText(body);
      code = (body && body.data && body.data.register && body.data.register.cancelToken) || '';
      manageButton.hidden = !code;
    });
  });
  r.actions.prepend(toggle);
  r.article.append(form);
}
