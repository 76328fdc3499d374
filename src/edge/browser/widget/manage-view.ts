import { h } from './dom';
import { disclosure, field, send } from './form-kit';
import { momentText, spanText } from './format';
import { errorOf, persistedPost } from './persisted';

/** Query.myRegistration as WidgetMyRegistration asks for it: no personal field exists on the type. */
interface MyRegistration {
  id: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  waitlistPosition: number | null;
  /** INVITE waitlists: the seat offered is held until then (UTC); past or null, nothing is offered. */
  invitedUntil: string | null;
  partySize: number;
  canCancel: boolean;
  event: { title: string; startsAt: string; endsAt: string; timezone: string; allDay: boolean; startDate: string | null; endDate: string | null };
}

type Standing = Pick<MyRegistration, 'status' | 'waitlistPosition' | 'invitedUntil'>;

/**
 * Whether a seat is offered to this party right now. The server decides a claim by its own clock; a
 * lapsed invitation keeps its instant until the sweeper passes it on, so the past counts as none.
 */
export const isInvited = (r: Standing, now = Date.now()): boolean => r.status === 'WAITLISTED' && !!r.invitedUntil && Date.parse(r.invitedUntil) > now;

/** Where a registration stands, in words; an invited party's place in line no longer matters, its offer does. */
export function standingText(r: Standing, now = Date.now()): string {
  if (r.status === 'CONFIRMED') return 'Confirmed';
  if (isInvited(r, now)) return 'On the waitlist, with a seat offered to you';
  if (r.status === 'WAITLISTED') return 'On the waitlist' + (r.waitlistPosition ? ', number ' + r.waitlistPosition + ' in line' : '');
  return 'Cancelled';
}

/** A GraphQL error in words; RATE_LIMITED is the `register` budget, which myRegistration shares. */
const failureText = (error: { code?: string; message?: string }): string =>
  (error.code === 'RATE_LIMITED' ? 'Too many tries; wait a minute.' : error.message || 'Something went wrong. Please try again.');

export interface ManageView {
  /** The "Have a registration code?" button and its form (closed), to append to the widget. */
  nodes: HTMLElement[];
  /** Opens the form with `code` filled in and looks it up. */
  open(code: string): void;
}

/**
 * "Have a registration code?": the holder of a cancel code sees their registration (event, date at
 * the venue, party size, where it stands) and can cancel it, with a second click to confirm, or, when
 * invited from the waitlist, claim the seat offered. Answers land in one focusable result box whose
 * status line is an aria-live region.
 */
export function createManageView(graphqlUrl: string): ManageView {
  const toggle = h('button', { type: 'button' }, 'Have a registration code?');
  const code = h('input', { name: 'code', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: '100', size: '34', 'aria-describedby': 'cgm-e' }) as HTMLInputElement;
  const codeError = h('p', { id: 'cgm-e', class: 'er' });
  const lookUp = h('button', { type: 'submit' }, 'Look up') as HTMLButtonElement;
  const details = h('div');
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const result = h('div', { tabindex: '-1', class: 'rs' }, details, status);
  const form = h('form', { id: 'cgm', 'aria-label': 'Look up a registration' }, field('Registration code', code), codeError, lookUp, result) as HTMLFormElement;
  const show = disclosure(toggle, form, code);
  const say = (text: string) => {
    status.textContent = text;
    result.focus();
  };

  /** An invited party's offer and its Claim button; a claim confirms in place, a CONFLICT (the offer is gone) shows where it stands now, and why. */
  const offerOf = (r: MyRegistration, token: string, standing: HTMLElement): HTMLElement[] => {
    const one = r.partySize === 1;
    const offer = h('p', {}, (one ? 'A seat is' : r.partySize + ' seats are') + ' offered to you until ' + momentText(r.invitedUntil!, r.event.timezone) + '.');
    const claim = h('button', { type: 'button' }, one ? 'Claim my seat' : 'Claim the seats') as HTMLButtonElement;
    claim.addEventListener('click', () => {
      send(claim, status, 'Claiming…', () => persistedPost(graphqlUrl, 'WidgetClaim', { id: r.id, code: token }), (body) => {
        const claimed = body && body.data && body.data.claimInvitation;
        const error = errorOf(body);
        if (!claimed) return error.code === 'CONFLICT' ? lookUpCode(token, failureText(error)) : say(failureText(error));
        standing.textContent = 'Status: ' + standingText(claimed);
        offer.remove();
        claim.remove();
        say((one ? 'The seat is yours' : 'The seats are yours') + ': your registration is confirmed.');
      });
    });
    return [offer, claim];
  };

  const render = (r: MyRegistration, token: string, message: string) => {
    const standing = h('p', {}, 'Status: ' + standingText(r));
    const cancel = h('button', { type: 'button' }, 'Cancel my registration') as HTMLButtonElement;
    let sure = false;
    cancel.addEventListener('click', () => {
      if (!sure) {
        sure = true;
        cancel.textContent = 'Yes, cancel';
        status.textContent = 'Cancel for everyone in the party? Your places go to others.';
        return;
      }
      send(cancel, status, 'Cancelling…', () => persistedPost(graphqlUrl, 'WidgetCancel', { id: r.id, code: token }), (body) => {
        const done = body && body.data && body.data.cancelRegistration;
        if (!done) return say(failureText(errorOf(body)));
        standing.textContent = 'Status: ' + standingText(done.registration);
        cancel.remove();
        // Who was promoted is theirs to know: only that the places went on.
        say('Your registration is cancelled.' + (done.promoted ? ' Your places went to people on the waitlist.' : ''));
      });
    });
    details.replaceChildren(h('h3', {}, r.event.title), h('p', {}, whenOf(r.event)),
      h('p', {}, (r.partySize === 1 ? '1 person' : r.partySize + ' people')), standing);
    if (isInvited(r)) details.append(...offerOf(r, token, standing));
    if (r.canCancel) details.append(cancel);
    say(message);
  };

  /** Shows the registration `token` belongs to, with `message` (why it is shown again) in the status line. */
  const lookUpCode = (token: string, message = '') => {
    details.replaceChildren();
    codeError.textContent = '';
    code.removeAttribute('aria-invalid');
    send(lookUp, status, 'Looking up…', () => persistedPost(graphqlUrl, 'WidgetMyRegistration', { code: token }), (body) => {
      const error = errorOf(body);
      const found: MyRegistration | null = body && body.data && body.data.myRegistration;
      if (error.code === 'BAD_USER_INPUT') {
        status.textContent = '';
        codeError.textContent = 'A registration code is 32 letters, digits, - or _, as shown after registering.';
        code.setAttribute('aria-invalid', 'true');
        code.focus();
      } else if (found) render(found, token, message);
      else say(error.code ? failureText(error) : 'No registration has that code.');
    });
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    lookUpCode(code.value.trim());
  });

  return {
    nodes: [h('p', { class: 'ac mg' }, toggle), form],
    open(value) {
      show(true);
      code.value = value;
      form.requestSubmit();
    },
  };
}

/** The event's dates as the list shows them: an all-day event by its dates, not a midnight. */
const whenOf = (e: MyRegistration['event']): string => spanText({
  all_day: e.allDay, start_date: e.startDate, end_date: e.endDate, starts_at: e.startsAt, ends_at: e.endsAt, timezone: e.timezone,
});
