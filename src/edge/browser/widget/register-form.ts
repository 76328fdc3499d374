import { h, sr } from './dom';
import { disclosure, field, send } from './form-kit';
import { attemptKey } from './attempt-key';
import { errorOf, persistedPost } from './persisted';
import type { RenderedEvent } from './render';
import { createFormHold } from './seat-hold';
import { partyFields } from './party-fields';


let counter = 0;

/** What the person sees after submitting: the outcome in words, or the server's reason. */
export function outcomeText(body: any): string {
  const result = body && body.data && body.data.register;
  if (result && result.__typename === 'RegistrationTicket') {
    const r = result.registration;
    // A resent form whose registration was cancelled meanwhile (the manage view): the next send is a new one.
    if (r.status === 'CANCELLED') return 'This registration was cancelled. Send the form again to register anew.';
    const cancel = result.cancelToken ? ' To cancel later, keep this code: ' + result.cancelToken : '';
    return (r.status === 'WAITLISTED' ? 'You are on the waitlist (position ' + r.waitlistPosition + ').' : 'You are registered (confirmed).') + cancel;
  }
  if (result && result.__typename === 'RegistrationRejected') return result.message;
  if (errorOf(body).code === 'CONFLICT') return 'This form was already sent with other details. Check yours and send it again.';
  return (body && body.errors && body.errors[0] && body.errors[0].message) || 'Registration failed. Please try again.';
}

/** After this answer the form's key is spent: a CONFLICT, or the registration it made is cancelled. */
export const endsAttempt = (body: any): boolean => errorOf(body).code === 'CONFLICT'
  || Boolean(body && body.data && body.data.register && body.data.register.registration && body.data.register.registration.status === 'CANCELLED');

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
  const party = partyFields(reg);
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Send registration') as HTMLButtonElement;
  const manageButton = h('button', { type: 'button', hidden: true }, 'Manage my registration') as HTMLButtonElement;
  let code = '';
  manageButton.addEventListener('click', () => manage(code));
  // Seats are held while the form is open, for the party size it shows.
  const hold = createFormHold(graphqlUrl, e.id);
  const heldSize = () => Math.min(Math.max(Math.round(party.size()) || 1, 1), reg.max_party_size);
  const form = h('form', { id: 'cgf' + ++counter, 'aria-label': 'Register for ' + r.label },
    field('Name', name), field('Email', email), party.element, hold.line, submit, status, manageButton) as HTMLFormElement;
  disclosure(toggle, form, name, (open) => (open ? hold.take(heldSize()) : hold.release()));
  party.onChange(() => { if (!form.hidden) hold.take(heldSize()); });
  // One idempotency key per registration attempt (docs/registration.md, "Retries never register
  // twice"): the same details sent again, by hand or by the automatic retry, carry the same key, so a
  // request that reached the server but whose answer was lost gets that registration back rather than a
  // second one. Details compared as the server stores them; other details start a new attempt.
  let attempt: { details: string; key: string } | null = null;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    manageButton.hidden = true;
    const partySize = party.size();
    const makeup = party.makeup();
    // The browser checks each count; the sum is the party's, which only the form can check.
    if (!(partySize >= 1 && partySize <= reg.max_party_size)) {
      status.textContent = 'Count between 1 and ' + reg.max_party_size + ' people in all.';
      return;
    }
    const details = JSON.stringify([name.value.trim(), email.value.trim().toLowerCase(), makeup ?? partySize]);
    if (!attempt || attempt.details !== details) attempt = { details, key: attemptKey() };
    const sent = attempt;
    const holdId = hold.holdId();
    const who = { eventId: e.id, name: name.value, email: email.value, idempotencyKey: sent.key, holdId };
    const request = () => (makeup
      ? persistedPost(graphqlUrl, 'WidgetRegisterParty', { ...who, party: makeup })
      : persistedPost(graphqlUrl, 'WidgetRegister', { ...who, partySize }));
    // A network failure (no answer, or a 5xx) is retried once, with the same key, before it is shown.
    send(submit, status, 'Sending…', () => request().catch(request), (body) => {
      status.textContent = outcomeText(body);
      const ended = endsAttempt(body);
      if (ended && attempt === sent) attempt = null;
      code = (!ended && body && body.data && body.data.register && body.data.register.cancelToken) || '';
      // Whatever hold is left goes back: the registration used it (releasing it then changes nothing), or
      // it came after the form was sent, or the answer replayed an earlier registration that had none.
      if (code) hold.release();
      manageButton.hidden = !code;
    });
  });
  r.actions.prepend(toggle);
  r.article.append(form);
}
