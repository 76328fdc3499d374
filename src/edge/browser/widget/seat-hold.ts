import { h } from './dom';
import { persistedPost } from './persisted';

/** The seats an open register form holds (holdSeats): taken on open, shown as a countdown, let go on close. */
export interface FormHold {
  /** The countdown line, and what is said to screen readers about the hold. */
  line: HTMLElement;
  /** Holds seats for `partySize` people, letting any earlier hold of another size go. */
  take(partySize: number): void;
  /** The hold to register on, while it is in force; null otherwise. */
  holdId(): string | null;
  /** Lets the seats go (the form closed, or a registration was made). */
  release(): void;
}

/** 12:05 (minutes and seconds). */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const seconds = s % 60;
  return Math.floor(s / 60) + ':' + (seconds < 10 ? '0' : '') + seconds;
}

/** What a refused hold means for the person filling in the form. */
export function refusalText(code: string): string {
  if (code === 'WAITLIST_ONLY') return 'No seat is free right now: sending the form puts you on the waitlist.';
  if (code === 'EVENT_FULL') return 'Every seat and waitlist place is taken.';
  return '';
}

// A hold never runs longer than the server gives it (10 minutes and a minute a person), whatever this device's clock says.
const longest = (n: number) => (10 + n) * 60_000;

/**
 * The countdown is a WAI-ARIA timer (not announced each second); a live region of its own, for screen
 * readers only, says when seats are held and when the hold ends (the form's status region keeps the
 * registration's outcome, which a late hold answer must not overwrite). A hold that cannot be had (rate
 * limit, no answer) leaves the form working without one.
 */
export function createFormHold(graphqlUrl: string, eventId: string): FormHold {
  const timer = h('p', { role: 'timer', class: 'hd', hidden: true });
  const said = h('p', { class: 'sr', 'aria-live': 'polite' });
  const line = h('div', {}, timer, said);
  const announce = (text: string) => { said.textContent = text; };
  let held: { id: string; n: number; until: number } | null = null;
  let ticking: ReturnType<typeof setInterval> | undefined;
  let asked = 0;

  const stop = () => {
    clearInterval(ticking);
    held = null;
  };
  const show = (text: string) => {
    timer.textContent = text;
    timer.hidden = !text;
  };
  const tick = () => {
    if (!held) return;
    const left = held.until - Date.now();
    if (left > 0) return show((held.n === 1 ? 'Your seat is' : 'Your ' + held.n + ' seats are') + ' held for ' + clockText(left) + '.');
    stop();
    show('Your hold has ended; you can still send the form.');
    announce('Your hold on the seats has ended; you can still send the form.');
  };
  const letGo = () => {
    if (held) void persistedPost(graphqlUrl, 'WidgetReleaseHold', { eventId, holdId: held.id }).catch(() => undefined);
    stop();
  };

  return {
    line,
    take(partySize) {
      if (held && held.n === partySize) return;
      // The line keeps its place until the new answer: a line that vanished under the pointer would move
      // the Send button away between press and release, and the click would be lost.
      letGo();
      const ask = ++asked;
      persistedPost(graphqlUrl, 'WidgetHold', { eventId, partySize }).then((body) => {
        const answer = body && body.data && body.data.holdSeats;
        // Answered after the form closed or asked again: these seats are nobody's, so give them back.
        if (ask !== asked && answer && answer.holdId) void persistedPost(graphqlUrl, 'WidgetReleaseHold', { eventId, holdId: answer.holdId }).catch(() => undefined);
        if (ask !== asked || !answer) return;
        if (answer.__typename !== 'SeatHold') return show(refusalText(answer.code));
        const until = Math.min(Date.parse(answer.expiresAt), Date.now() + longest(partySize));
        held = { id: answer.holdId, n: partySize, until };
        ticking = setInterval(tick, 1000);
        tick();
        announce((partySize === 1 ? 'A seat is' : partySize + ' seats are') + ' held for you for ' + Math.round((until - Date.now()) / 60_000) + ' minutes.');
      }, () => undefined);
    },
    holdId: () => (held && held.until > Date.now() ? held.id : null),
    release() {
      asked++;
      letGo();
      show('');
    },
  };
}
