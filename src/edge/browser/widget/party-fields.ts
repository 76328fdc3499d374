import { h } from './dom';
import { field } from './form-kit';
import type { FeedRegistration } from './types';

/** How many people of one kind the form says are coming (RegisterInput.party). */
export interface PartyCount {
  category: string;
  count: number;
}

/** The form's "who is coming" part: its element (none for one person), the size it says and its makeup. */
export interface PartyFields {
  element: HTMLElement | null;
  /** People in the party, for the seat hold and the register call; NaN while a count is not a whole number. */
  size(): number;
  /** By category, when the event counts by category; null when the form only asks how many. */
  makeup(): PartyCount[] | null;
  onChange(listener: () => void): void;
}

const count = (input: HTMLInputElement): number => (input.value.trim() === '' ? 0 : Number(input.value));

/**
 * One number per category the event counts by (adults, teens, children, babies, or its own), the first
 * at 1, in a fieldset whose legend says the limit; or one "People" number when the server names no
 * categories; or nothing when a party is one person.
 */
export function partyFields(reg: FeedRegistration): PartyFields {
  const max = reg.max_party_size;
  const categories = max > 1 ? reg.party_categories ?? [] : [];
  if (max <= 1) return { element: null, size: () => 1, makeup: () => null, onChange: () => undefined };
  if (!categories.length) {
    const people = h('input', { name: 'partySize', type: 'number', min: '1', max: String(max), value: '1', required: true }) as HTMLInputElement;
    return { element: field('People (up to ' + max + ')', people), size: () => count(people), makeup: () => null, onChange: (l) => people.addEventListener('change', l) };
  }
  const inputs = categories.map((c, i) => h('input', {
    name: 'party-' + c.key, type: 'number', min: '0', max: String(max), step: '1', value: i === 0 ? '1' : '0', inputmode: 'numeric', required: true,
  }) as HTMLInputElement);
  const element = h('fieldset', { class: 'pf' }, h('legend', {}, 'Who is coming (up to ' + max + ' people)'),
    ...categories.map((c, i) => field(c.label, inputs[i])));
  return {
    element,
    size: () => inputs.reduce((sum, input) => sum + count(input), 0),
    makeup: () => categories.map((c, i) => ({ category: c.key, count: count(inputs[i]) })),
    onChange: (listener) => inputs.forEach((input) => input.addEventListener('change', listener)),
  };
}
